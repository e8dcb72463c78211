using Aura.Telemetry.Linux;

namespace Aura.Telemetry.Tests.Linux;

public sealed class DeviceTableTests
{
    private readonly DeviceTable<long> _table = new(8, name => name != "lo");

    [Fact]
    public void TryVisit_SameNameOnLaterTick_ReturnsTheSameStateWithItsPreviousCounters()
    {
        _table.BeginPass();
        _table.TryVisit("eth0"u8, out var first).ShouldBeTrue();
        first.Remember(100, TimeSpan.FromSeconds(1));
        _table.EndPass();

        _table.BeginPass();
        _table.TryVisit("eth0"u8, out var second).ShouldBeTrue();

        second.ShouldBeSameAs(first);
        second.Previous.ShouldBe(100);
        second.TryElapsedSince(TimeSpan.FromSeconds(3), out var seconds).ShouldBeTrue();
        seconds.ShouldBe(2);
    }

    [Fact]
    public void TryVisit_NameTwiceInOnePass_OnlyTheFirstCounts()
    {
        _table.BeginPass();

        _table.TryVisit("sda"u8, out _).ShouldBeTrue();
        _table.TryVisit("sda"u8, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryVisit_NameTooLongOrNotAscii_ReturnsFalse()
    {
        _table.BeginPass();

        _table.TryVisit("ninechars"u8, out _).ShouldBeFalse();
        _table.TryVisit("w\u00e9"u8, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryVisit_NewName_AsksTheSelectorOnce()
    {
        _table.BeginPass();
        _table.TryVisit("lo"u8, out var loopback).ShouldBeTrue();
        _table.TryVisit("eth0"u8, out var ethernet).ShouldBeTrue();

        loopback.Selected.ShouldBeFalse();
        ethernet.Selected.ShouldBeTrue();
    }

    [Fact]
    public void EndPass_DeviceMissingFromAPass_IsForgottenAndStartsAfreshWhenItReturns()
    {
        _table.BeginPass();
        _table.TryVisit("usb0"u8, out var before).ShouldBeTrue();
        before.Remember(5, TimeSpan.FromSeconds(1));
        _table.EndPass();
        _table.BeginPass();
        _table.EndPass();

        _table.BeginPass();
        _table.TryVisit("usb0"u8, out var after).ShouldBeTrue();

        after.ShouldNotBeSameAs(before);
        after.HasPrevious.ShouldBeFalse();
        after.TryElapsedSince(TimeSpan.FromSeconds(9), out _).ShouldBeFalse();
    }
}
