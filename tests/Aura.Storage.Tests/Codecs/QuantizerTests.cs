using Aura.Storage.Dvr.Codecs;

namespace Aura.Storage.Tests.Codecs;

public sealed class QuantizerTests
{
    [Theory]
    [InlineData(0.0001, 0.052349, 0.0523)]
    [InlineData(0.0001, 0.05235, 0.0524)]
    [InlineData(0.01, -12.345, -12.35)]
    [InlineData(1024, 1_000_000_000, 1_000_000_512)]
    [InlineData(1e6, 2_000_400_000, 2_000_000_000)]
    [InlineData(0.1, 47.25, 47.3)]
    public void Decode_AfterEncode_IsTheValueAtPrecision(double precision, double value, double expected)
    {
        var quantizer = new Quantizer(precision);
        quantizer.TryEncode(value, out var units).ShouldBeTrue();
        quantizer.Decode(units).ShouldBe(expected);
    }

    [Fact]
    public void Decode_RatioUnits_GivesTheNearestDecimal()
    {
        // 523 * 0.0001 is 0.052300000000000006 in doubles; dividing by 10000 gives the literal 0.0523
        new Quantizer(0.0001).Decode(523L).ShouldBe(0.0523);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e300)]
    public void TryEncode_NotStorable_ReturnsFalse(double value) =>
        new Quantizer(0.01).TryEncode(value, out _).ShouldBeFalse();

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_NonPositivePrecision_Throws(double precision) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new Quantizer(precision));
}
