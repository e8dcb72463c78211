using System.Globalization;

namespace Aura.Controls;

/// <summary>
/// <c>fan</c>: the PWM fan's duty cycle in percent (0–100), written as 0–255 to <c>target_pwm</c> (JetPack 4) or to the
/// <c>pwm1</c> of the hwmon named <c>pwmfan</c>/<c>pwm-fan</c> (JetPack 5 and later).
/// </summary>
internal sealed class FanControl(SysfsWriter sysfs) : IHardwareControl
{
    private const string Description = "Fan duty cycle in percent. On JetPack 5 and later nvfancontrol may take it back; stop nvfancontrol to hold a manual speed.";

    public string Name => "fan";

    public ValueTask<ControlInfo> ReadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Read());

    private ControlInfo Read()
    {
        if (FindPwm() is not { } pwm)
        {
            return ControlInfos.Unsupported(Name, Description, "no PWM fan (sys/devices/pwm-fan/target_pwm or a pwmfan hwmon)");
        }

        var raw = sysfs.Read(pwm);
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var duty) || duty > 255)
        {
            return ControlInfos.Unsupported(Name, Description, $"{sysfs.FullPath(pwm)} reads '{raw}', not a PWM value 0-255");
        }

        return ControlInfos.Range(Name, Description, (int)Math.Round(duty * 100 / 255.0), 0, 100, "%");
    }

    public ValidatedValue Validate(string value, ControlInfo current)
    {
        var text = value.Trim().TrimEnd('%');
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var percent) && percent <= 100
            ? ValidatedValue.Ok(percent.ToString(CultureInfo.InvariantCulture))
            : ValidatedValue.Bad($"fan must be a whole number of percent from 0 to 100, not '{value}'");
    }

    public ValueTask<string?> ApplyAsync(string value, ControlInfo current, CancellationToken cancellationToken)
    {
        var percent = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
        var duty = (int)Math.Round(percent * 255 / 100.0);
        return ValueTask.FromResult(FindPwm() is { } pwm
            ? sysfs.Write(pwm, duty.ToString(CultureInfo.InvariantCulture))
            : "the fan disappeared");
    }

    private string? FindPwm()
    {
        const string legacy = "sys/devices/pwm-fan/target_pwm";
        if (File.Exists(sysfs.FullPath(legacy)))
        {
            return legacy;
        }

        var hwmon = sysfs.FullPath("sys/class/hwmon");
        if (!Directory.Exists(hwmon))
        {
            return null;
        }

        foreach (var directory in Directory.EnumerateDirectories(hwmon).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(directory);
            var relative = $"sys/class/hwmon/{name}";
            if (sysfs.Read(relative + "/name") is "pwmfan" or "pwm-fan" && File.Exists(sysfs.FullPath(relative + "/pwm1")))
            {
                return relative + "/pwm1";
            }
        }

        return null;
    }
}
