namespace Aura.Core.Tests.Cbor;

/// <summary>JetsonScope socket requests as its Rust clients send them (serde, externally tagged), written out by hand.</summary>
internal static class JetsonScopeMessages
{
    /// <summary><c>Request::GetStats</c> in CBOR: a bare text string, as serde encodes a unit variant.</summary>
    public const string GetStatsCbor = "68" + "4765745374617473";

    /// <summary><c>{"GetStats": null}</c>, the form JetsonScope's README shows.</summary>
    public const string GetStatsMapCbor = "a1" + "68" + "4765745374617473" + "f6";

    /// <summary><c>{"SetControl": {"control": "fan", "value": "50", "token": "s3cr3t"}}</c> in CBOR.</summary>
    public const string SetControlCbor =
        "a1" + "6a" + "536574436f6e74726f6c"
        + "a3"
        + "67" + "636f6e74726f6c" + "63" + "66616e"
        + "65" + "76616c7565" + "62" + "3530"
        + "65" + "746f6b656e" + "66" + "733363723374";

    public const string SetControlJson = """{"SetControl":{"control":"fan","value":"50","token":"s3cr3t"}}""";

    /// <summary>The same request with <c>token: None</c>, which serde writes as null.</summary>
    public const string SetControlWithoutTokenCbor =
        "a1" + "6a" + "536574436f6e74726f6c"
        + "a3"
        + "67" + "636f6e74726f6c" + "68" + "6e76706d6f64656c"
        + "65" + "76616c7565" + "64" + "4d41584e"
        + "65" + "746f6b656e" + "f6";

    public const string SetControlWithoutTokenJson = """{"SetControl":{"control":"nvpmodel","value":"MAXN","token":null}}""";
}
