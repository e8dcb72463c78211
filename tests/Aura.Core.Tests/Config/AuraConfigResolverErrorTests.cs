using Aura.Core.Config;

namespace Aura.Core.Tests.Config;

public sealed class AuraConfigResolverErrorTests : IDisposable
{
    private readonly ConfigTestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Fact]
    public void Resolve_RetentionVariableNotANumber_NamesTheVariableAndValue()
    {
        _env.Set("AURA_RETENTION_SECONDS", "abc");

        _env.ResolveFails().Message.ShouldBe("AURA_RETENTION_SECONDS: 'abc' is not a number of seconds");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e999")]
    public void Resolve_RetentionVariableNotPositiveAndFinite_Throws(string value)
    {
        _env.Set("AURA_RETENTION_SECONDS", value);

        _env.ResolveFails().Message.ShouldBe($"AURA_RETENTION_SECONDS: '{value}' must be a finite number of seconds greater than 0");
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("0x10")]
    [InlineData("10s")]
    public void Resolve_RetentionVariableInOtherNotations_IsNotANumber(string value)
    {
        _env.Set("AURA_RETENTION_SECONDS", value);

        _env.ResolveFails().Message.ShouldBe($"AURA_RETENTION_SECONDS: '{value}' is not a number of seconds");
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Resolve_RetentionFlagNotPositiveAndFinite_NamesTheFlag(double seconds, string shown)
    {
        var error = _env.ResolveFails(new ConfigOverrides(RetentionSeconds: seconds));

        error.Message.ShouldBe($"--retention-seconds: {shown} must be a finite number of seconds greater than 0");
    }

    [Fact]
    public void Resolve_EmptyDbPathFlag_NamesTheFlag()
    {
        _env.ResolveFails(new ConfigOverrides(DbPath: "")).Message.ShouldBe("--db-path: the path must not be empty");
    }

    [Fact]
    public void Resolve_BlankDbPathVariable_NamesTheVariable()
    {
        _env.Set("AURA_DB_PATH", "   ");

        _env.ResolveFails().Message.ShouldBe("AURA_DB_PATH: the path must not be empty");
    }

    [Fact]
    public void Resolve_DbPathWithNulCharacter_IsNotAValidPath()
    {
        _env.ResolveFails(new ConfigOverrides(DbPath: "a\0b")).Message.ShouldBe("--db-path: 'a\0b' is not a valid path");
    }

    [Fact]
    public void Resolve_DbPathInFileNotAString_NamesFileLineAndSetting()
    {
        var file = _env.WriteDefaultConfig("[persistence]\n\ndb_path = 5");

        _env.ResolveFails().Message.ShouldBe($"{file} line 3: persistence.db_path must be a string, not an integer");
    }

    [Theory]
    [InlineData("''")]
    [InlineData("'  '")]
    public void Resolve_DbPathInFileEmpty_Throws(string value)
    {
        var file = _env.WriteDefaultConfig($"[persistence]\ndb_path = {value}");

        _env.ResolveFails().Message.ShouldBe($"{file} line 2: persistence.db_path must not be empty");
    }

    [Theory]
    [InlineData("'86400'", "a string")]
    [InlineData("true", "a boolean")]
    [InlineData("[1]", "an array")]
    public void Resolve_RetentionInFileNotANumber_NamesTheTypeFound(string value, string found)
    {
        var file = _env.WriteDefaultConfig($"[persistence]\nretention_seconds = {value}");

        _env.ResolveFails().Message.ShouldBe($"{file} line 2: persistence.retention_seconds must be a number of seconds, not {found}");
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-60", "-60")]
    [InlineData("-0.5", "-0.5")]
    [InlineData("inf", "Infinity")]
    [InlineData("nan", "NaN")]
    public void Resolve_RetentionInFileNotPositiveAndFinite_Throws(string value, string shown)
    {
        var file = _env.WriteDefaultConfig($"[persistence]\nretention_seconds = {value}");

        _env.ResolveFails().Message.ShouldBe($"{file} line 2: persistence.retention_seconds must be a finite number of seconds greater than 0, not {shown}");
    }

    [Fact]
    public void Resolve_PersistenceNotATable_Throws()
    {
        var file = _env.WriteDefaultConfig("persistence = 'x'");

        _env.ResolveFails().Message.ShouldBe($"{file} line 1: persistence must be a table, not a string");
    }

    [Fact]
    public void Resolve_InvalidValueInFileOverriddenByFlag_StillThrows()
    {
        _env.WriteDefaultConfig("[persistence]\nretention_seconds = 'soon'");

        Should.Throw<ConfigException>(() => _env.Resolve(new ConfigOverrides(RetentionSeconds: 60)));
    }

    [Fact]
    public void Resolve_InvalidToml_PrefixesTheParserErrorWithTheFile()
    {
        var file = _env.WriteDefaultConfig("[persistence]\ndb_path = 'a'\ndb_path = 'b'\n");

        var error = _env.ResolveFails();

        error.Message.ShouldBe($"{file} line 3, column 1: duplicate key 'db_path' in table [persistence] (first defined on line 2)");
        error.InnerException.ShouldBeOfType<TomlException>().Line.ShouldBe(3);
    }

    [Fact]
    public void Resolve_ConfigFileNotUtf8_Throws()
    {
        var file = _env.Home.Combine(".config", "Aura", "aura.toml");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, [.. "a = '"u8, 0xFF, 0xFE, .. "'\n"u8]);

        _env.ResolveFails().Message.ShouldBe($"{file}: the config file is not valid UTF-8");
    }

    [Fact]
    public void Resolve_MissingFileNamedByFlag_Throws()
    {
        var missing = _env.Home.Combine("nope.toml");

        _env.ResolveFails(new ConfigOverrides(ConfigFile: missing)).Message.ShouldBe($"--config: config file '{missing}' does not exist");
    }

    [Fact]
    public void Resolve_MissingFileNamedByVariable_Throws()
    {
        var missing = _env.Home.Combine("missing-dir", "nope.toml");
        _env.Set("AURA_CONFIG", missing);

        _env.ResolveFails().Message.ShouldBe($"AURA_CONFIG: config file '{missing}' does not exist");
    }

    [Fact]
    public void Resolve_ConfigFlagNamingADirectory_Throws()
    {
        _env.ResolveFails(new ConfigOverrides(ConfigFile: _env.Home.Path)).Message
            .ShouldBe($"--config: '{_env.Home.Path}' is a directory, not a config file");
    }

    [Fact]
    public void Resolve_EmptyConfigFlag_Throws()
    {
        _env.ResolveFails(new ConfigOverrides(ConfigFile: "")).Message.ShouldBe("--config: the path must not be empty");
    }
}
