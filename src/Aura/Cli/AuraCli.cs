using System.CommandLine;
using System.Runtime.InteropServices;
using Aura.Core.Config;
using Aura.Output;

namespace Aura.Cli;

/// <summary>Parses the command line, runs the chosen command and maps every ending to the seed's exit codes.</summary>
internal static class AuraCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var interrupt = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            interrupt.Cancel();
        });

        Aura.Agent.Screen.ScreenCapture.UseSharedMemory = Environment.GetEnvironmentVariable("AURA_AGENT_NO_SHM") != "1";
        var invokedAs = MultiCall.InvokedName.Current();
        try
        {
            args = MultiCall.Personas.Rewrite(invokedAs, args, Environment.GetEnvironmentVariable);
        }
        catch (UsageException e)
        {
            return Usage(e.Message);
        }

        var root = CommandTree.Build();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            return Usage(parse.Errors[0].Message);
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false }, interrupt.Token);
        }
        catch (Exception e) when (e is UsageException or ConfigException)
        {
            return Usage(e.Message);
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
        catch (OutputClosedException)
        {
            // `aura --watch | head -1`: the reader left; that is a normal way to stop.
            return ExitCodes.Ok;
        }
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"aura: {message}");
        Console.Error.WriteLine("Try 'aura --help' for more information.");
        return ExitCodes.Usage;
    }
}
