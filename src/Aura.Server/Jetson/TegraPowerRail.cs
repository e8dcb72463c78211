namespace Aura.Server.Jetson;

public sealed record TegraPowerRail(uint CurrentMw, uint AverageMw);
