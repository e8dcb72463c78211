namespace Aura.Core.Model;

/// <summary>A tegrastats temperature (<c>tj@48.843C</c>) under the sensor name it printed.</summary>
public readonly record struct JetsonTemperature(string Name, double Celsius);
