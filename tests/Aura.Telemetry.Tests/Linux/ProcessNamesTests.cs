using System.Text;
using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Tests.Linux;

public sealed class ProcessNamesTests
{
    [Theory]
    [InlineData("very-long-proce", "/usr/lib/foo/very-long-process-name\0--flag\0", "very-long-process-name")]
    [InlineData("long-running-wo", "/tmp/aura-capture/bin/long-running-worker-process\0600\0", "long-running-worker-process")]
    [InlineData("very-long-proce", "very-long-process-name\0", "very-long-process-name")]
    [InlineData("systemd-journal", "/lib/systemd/systemd-journald\0", "systemd-journald")]
    [InlineData("very-long-daemo", "/usr/sbin/very-long-daemon-name --serve --port 80\0", "very-long-daemon-name")]
    [InlineData("very-long-proce", "/opt/My Apps/very-long-process-name\0", "very-long-process-name")]
    [InlineData("very-long-proce", "/usr/lib/foo/very-long-process-name", "very-long-process-name")]
    public void Untruncate_FirstArgumentStartsWithComm_ReturnsItsBasename(string comm, string cmdline, string expected) =>
        Untruncate(comm, cmdline).ShouldBe(expected);

    [Theory]
    [InlineData("kworker/0:1-eve", "")] // kernel thread
    [InlineData("defunct-child-x", "")] // zombie
    [InlineData("update-notifier", "/usr/bin/python3\0/usr/lib/update-notifier/notify\0")]
    [InlineData("very-long-proce", "/usr/lib/very-long-proce/other\0")]
    public void Untruncate_FirstArgumentIsAnotherName_KeepsComm(string comm, string cmdline) =>
        Untruncate(comm, cmdline).ShouldBe(comm);

    [Theory]
    [InlineData("bash", false)]
    [InlineData("kworker/R-rcu_gp", false)]
    [InlineData("very-long-proce", true)]
    public void MayBeTruncated_OnlyFifteenBytes_IsTrue(string comm, bool expected) =>
        ProcessNames.MayBeTruncated(Encoding.UTF8.GetBytes(comm)).ShouldBe(expected);

    private static string Untruncate(string comm, string cmdline) =>
        Encoding.UTF8.GetString(ProcessNames.Untruncate(Encoding.UTF8.GetBytes(comm), Encoding.UTF8.GetBytes(cmdline)));
}
