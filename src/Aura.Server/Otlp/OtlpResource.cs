using System.Runtime.InteropServices;

namespace Aura.Server.Otlp;

/// <summary>
/// The resource every export describes: <c>service.name</c>, <c>service.version</c>, <c>host.name</c>,
/// <c>host.arch</c>, <c>os.type</c> (semantic-convention values), then the configured attributes. A configured key
/// never replaces Aura's own, except that <c>OTEL_SERVICE_NAME</c> (<see cref="OtlpOptions.ServiceName"/>) names the service.
/// </summary>
internal static class OtlpResource
{
    public static string HostArch { get; } = RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        Architecture.Arm => "arm32",
        Architecture.X86 => "x86",
        Architecture.S390x => "s390x",
        Architecture.Ppc64le => "ppc64",
        var other => other.ToString().ToLowerInvariant(),
    };

    public static string OsType { get; } =
        OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "darwin" : OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsFreeBSD() ? "freebsd" : "unknown";

    /// <summary>Writes the <c>Resource</c> message as field <paramref name="field"/> of the message being written.</summary>
    public static void Write(ProtoWriter writer, int field, OtlpOptions options, string hostName, string version)
    {
        writer.BeginMessage(field);
        OtlpValues.StringAttribute(writer, 1, "service.name", options.ServiceName);
        OtlpValues.StringAttribute(writer, 1, "service.version", version);
        OtlpValues.StringAttribute(writer, 1, "host.name", options.HostName ?? hostName);
        OtlpValues.StringAttribute(writer, 1, "host.arch", HostArch);
        OtlpValues.StringAttribute(writer, 1, "os.type", OsType);
        foreach (var (key, value) in options.ResourceAttributes)
        {
            if (!IsOwn(key))
            {
                OtlpValues.StringAttribute(writer, 1, key, value);
            }
        }

        writer.EndMessage();
    }

    private static bool IsOwn(string key) => key is "service.name" or "service.version" or "host.name" or "host.arch" or "os.type";
}
