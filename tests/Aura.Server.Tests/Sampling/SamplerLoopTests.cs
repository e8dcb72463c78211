using Aura.Core.Model;
using Aura.Server.Hosting;
using Aura.Server.Sampling;
using Aura.Server.Tests.Support;

namespace Aura.Server.Tests.Sampling;

public sealed class SamplerLoopTests
{
    [Fact]
    public async Task StartAsync_ReturnsWithAFirstSnapshotAlreadyPublished()
    {
        await using var running = await RunningServer.StartAsync(o => o with { Interval = TimeSpan.FromSeconds(30) });

        running.Server.Hub.Latest.ShouldNotBeNull();
        running.Server.Hub.Latest.Snapshot.Cpu.Total.ShouldNotBeNull();
        running.Source.Samples.ShouldBe(2, "one baseline for the rates, then the first published snapshot");
    }

    [Fact]
    public async Task Run_OneSamplePerTick_WhateverTheRequests()
    {
        await using var running = await RunningServer.StartAsync();

        // Many clients hammer every live endpoint while the sampler runs.
        var paths = new[] { "/api/stats", "/api/stats/cpu", "/api/health", "/metrics", "/api/stats/processes" };
        var requests = Enumerable.Range(0, 200).Select(i => running.Http.GetAsync(new Uri(paths[i % paths.Length], UriKind.Relative)));
        var responses = await Task.WhenAll(requests);
        responses.ShouldAllBe(r => r.IsSuccessStatusCode);
        await running.WaitForTickAsync(running.Server.Hub.Ticks + 2);

        var ticks = running.Server.Hub.Ticks;
        running.Source.Samples.ShouldBeInRange((int)ticks + 1, (int)ticks + 2, "samples = ticks + the baseline (+ one in flight)");
    }

    [Fact]
    public async Task Stop_FlushesTheRecorder_AfterTheLastRecordedSnapshot()
    {
        var recorder = new ListRecorder();
        var running = await RunningServer.StartAsync(parts: new DaemonParts { Recorder = recorder });
        await running.WaitForTickAsync(3);

        await running.DisposeAsync();

        recorder.Recorded.Count.ShouldBeGreaterThanOrEqualTo(3);
        recorder.FlushedAfter.ShouldBe(recorder.Recorded.Count, "flush comes once, after the last record");
        recorder.Recorded.Select(s => s.Memory.UsedBytes).ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public async Task Run_RecorderThrows_ClientsStillGetTicks()
    {
        await using var running = await RunningServer.StartAsync(parts: new DaemonParts { Recorder = new ThrowingRecorder() });

        await running.WaitForTickAsync(3);

        running.Server.Hub.Ticks.ShouldBeGreaterThan(3);
    }

    [Fact]
    public async Task Run_SourceThrowsOnce_SamplingCarriesOn()
    {
        using var source = new FlakySource(failOnSample: 4);
        await using var running = await RunningServer.StartAsync(source: null, parts: null, configure: null, custom: source);

        await running.WaitForTickAsync(5);

        source.Failures.ShouldBe(1);
        running.Server.Hub.Ticks.ShouldBeGreaterThan(5);
    }

    private sealed class FlakySource(int failOnSample) : Aura.Telemetry.ISnapshotSource
    {
        private int _samples;

        public int Failures { get; private set; }

        public Snapshot Sample()
        {
            if (Interlocked.Increment(ref _samples) == failOnSample)
            {
                Failures++;
                throw new InvalidDataException("a reader met a file it could not parse");
            }

            return FakeSource.Build(TimeProvider.System.GetUtcNow(), _samples);
        }

        public void Dispose()
        {
        }
    }

    private sealed class ListRecorder : ISnapshotRecorder
    {
        private readonly Lock _gate = new();

        public List<Snapshot> Recorded { get; } = [];

        public int FlushedAfter { get; private set; } = -1;

        public void Record(Snapshot snapshot)
        {
            lock (_gate)
            {
                Recorded.Add(snapshot);
            }
        }

        public ValueTask FlushAsync(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                FlushedAfter.ShouldBe(-1, "flushed twice");
                FlushedAfter = Recorded.Count;
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class ThrowingRecorder : ISnapshotRecorder
    {
        public void Record(Snapshot snapshot) => throw new InvalidOperationException("disk full");

        public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
