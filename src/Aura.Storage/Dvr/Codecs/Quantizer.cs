namespace Aura.Storage.Dvr.Codecs;

/// <summary>
/// Maps values to integers in units of a series' precision and back. For a precision like 0.0001 the value is
/// multiplied by 10000 and divided back, so a decoded value is the double closest to the decimal a person expects.
/// </summary>
internal readonly struct Quantizer
{
    private readonly double _factor;
    private readonly bool _multiply;

    public Quantizer(double precision)
    {
        if (!double.IsFinite(precision) || precision <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(precision), precision, "Precision must be a positive finite number.");
        }

        Precision = precision;
        var inverse = 1.0 / precision;
        var rounded = Math.Round(inverse);
        _multiply = precision < 1 && Math.Abs(inverse - rounded) < 1e-6 * rounded;
        _factor = _multiply ? rounded : precision;
    }

    public double Precision { get; }

    /// <summary>False for NaN, infinities and values too large to store at this precision.</summary>
    public bool TryEncode(double value, out long units)
    {
        var scaled = _multiply ? value * _factor : value / _factor;
        if (!double.IsFinite(scaled) || Math.Abs(scaled) >= Column.MaxMagnitude)
        {
            units = 0;
            return false;
        }

        units = (long)Math.Round(scaled, MidpointRounding.AwayFromZero);
        return true;
    }

    public double Decode(long units) => _multiply ? units / _factor : units * _factor;

    public double Decode(double units) => _multiply ? units / _factor : units * _factor;
}
