namespace Aura.Server.Socket;

public sealed record TegraPowerRail(uint CurrentMw, uint AverageMw);
