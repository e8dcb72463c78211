using Aura.Core.Config;
using Aura.Server.History;

namespace Aura.Server.Tests.History;

public sealed class DvrFilesTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aura-dvr-files-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void OpenWriter_DefaultPathThatCannotBeUsed_WarnsOnceAndCarriesOn()
    {
        var config = Config(Unusable(), ConfigSource.Default);
        using var warnings = new StringWriter();

        var opening = DvrFiles.OpenWriter(config, TimeProvider.System, warnings, "printing live");

        opening.Writer.ShouldBeNull();
        opening.NotRecording.ShouldNotBeNull();
        var lines = warnings.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldHaveSingleItem().ShouldStartWith($"aura: warning: not recording: the default DVR {config.DbPath} cannot be used");
        lines[0].TrimEnd().ShouldEndWith("; printing live only");
    }

    [Theory]
    [InlineData(ConfigSource.CommandLine, "--db-path")]
    [InlineData(ConfigSource.Environment, "AURA_DB_PATH")]
    public void OpenWriter_ExplicitPathThatCannotBeUsed_IsAConfigErrorNamingWhereItCameFrom(ConfigSource source, string origin)
    {
        var config = Config(Unusable(), source);

        Should.Throw<ConfigException>(() => DvrFiles.OpenWriter(config, TimeProvider.System, TextWriter.Null, "serving live"))
            .Message.ShouldStartWith($"{origin}: cannot use DVR database {config.DbPath}");
    }

    [Fact]
    public void OpenWriter_NoDefaultLocation_SaysHowToChooseOne()
    {
        using var warnings = new StringWriter();

        var opening = DvrFiles.OpenWriter(AuraConfig.None, TimeProvider.System, warnings, "serving live");

        opening.Writer.ShouldBeNull();
        warnings.ToString().ShouldContain("use --db-path");
    }

    private string Unusable()
    {
        var file = Path.Combine(_directory.FullName, "a-file");
        File.WriteAllText(file, "not a directory");
        return Path.Combine(file, "telemetry.sqlite");
    }

    private static AuraConfig Config(string path, ConfigSource source) =>
        AuraConfig.None with { DbPath = path, DbPathSource = source };
}
