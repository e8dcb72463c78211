using Aura.Cli;

namespace Aura;

internal static class Program
{
    public static Task<int> Main(string[] args) => AuraCli.RunAsync(InvokedName.Rewrite(args));
}
