namespace Aura.Server.Otlp;

internal enum OtlpSendStatus
{
    Ok,
    Retry,
    Drop,
}
