namespace Aura.Server.Otlp;

/// <summary>How one export request went: accepted, worth another try later, or refused for good.</summary>
internal readonly record struct OtlpSendResult(OtlpSendStatus Status, string? Error)
{
    public static OtlpSendResult Ok { get; } = new(OtlpSendStatus.Ok, null);

    public static OtlpSendResult Retry(string error) => new(OtlpSendStatus.Retry, error);

    public static OtlpSendResult Drop(string error) => new(OtlpSendStatus.Drop, error);
}
