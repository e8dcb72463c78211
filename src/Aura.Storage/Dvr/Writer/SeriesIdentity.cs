using System.Runtime.CompilerServices;
using Aura.Core.Series;

namespace Aura.Storage.Dvr.Writer;

/// <summary>(family, label values) as the flattener passes them; families are singletons, so they compare by reference.</summary>
internal readonly record struct SeriesIdentity(SeriesFamily Family, string? Label1, string? Label2)
{
    public bool Matches(SeriesFamily family, string? label1, string? label2) =>
        ReferenceEquals(Family, family) && string.Equals(Label1, label1, StringComparison.Ordinal)
        && string.Equals(Label2, label2, StringComparison.Ordinal);

    public sealed class Comparer : IEqualityComparer<SeriesIdentity>
    {
        public static readonly Comparer Instance = new();

        public bool Equals(SeriesIdentity x, SeriesIdentity y) => x.Matches(y.Family, y.Label1, y.Label2);

        public int GetHashCode(SeriesIdentity obj) => HashCode.Combine(
            RuntimeHelpers.GetHashCode(obj.Family),
            obj.Label1 is null ? 0 : StringComparer.Ordinal.GetHashCode(obj.Label1),
            obj.Label2 is null ? 0 : StringComparer.Ordinal.GetHashCode(obj.Label2));
    }
}
