namespace Aura.Storage.Dvr.Blocks;

/// <summary>A block's buckets for every series at one tier: a row of the <c>minute</c> or <c>hour</c> table.</summary>
internal sealed record RollupRow(int Buckets, byte[] Data);
