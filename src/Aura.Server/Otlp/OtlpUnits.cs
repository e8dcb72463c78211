namespace Aura.Server.Otlp;

/// <summary>
/// The catalog's units written as OTLP expects them (UCUM, as the OpenTelemetry semantic conventions use): "bytes" is
/// <c>By</c>, "ratio" is <c>1</c>; a count of things is an annotation such as <c>{tasks}</c>.
/// </summary>
internal static class OtlpUnits
{
    public static string Of(string catalogUnit) => catalogUnit switch
    {
        "bytes" => "By",
        "bytes_per_second" => "By/s",
        "ratio" or "bool" => "1",
        "seconds" => "s",
        "hertz" => "Hz",
        "watts" => "W",
        "celsius" => "Cel",
        "per_second" => "1/s",
        _ => "{" + catalogUnit + "}",
    };
}
