namespace Aura.Cockpit.Tests.Support;

[CollectionDefinition(Name)]
public sealed class CockpitGroup : ICollectionFixture<CockpitFixture>
{
    public const string Name = "cockpit";
}
