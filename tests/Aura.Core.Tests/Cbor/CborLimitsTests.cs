using Aura.Core.Cbor;

namespace Aura.Core.Tests.Cbor;

public sealed class CborLimitsTests
{
    [Fact]
    public void TryReadItem_CompleteOrIncompleteAfterWarmUp_AllocatesNothing()
    {
        var request = Convert.FromHexString(JetsonScopeMessages.SetControlCbor);
        var nested = Convert.FromHexString("bf61610161629f0203ff6163a2f93e00f6fb3ff8000000000001f5ff");
        CborDecoder.TryReadItem(request, out _, out _);
        CborDecoder.TryReadItem(nested, out _, out _);

        var complete = 0;
        var incomplete = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            complete += CborDecoder.TryReadItem(request, out _, out _) == CborReadStatus.Complete ? 1 : 0;
            complete += CborDecoder.TryReadItem(nested, out _, out _) == CborReadStatus.Complete ? 1 : 0;
            incomplete += CborDecoder.TryReadItem(nested.AsSpan(0, 20), out _, out _) == CborReadStatus.Incomplete ? 1 : 0;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        complete.ShouldBe(200);
        incomplete.ShouldBe(100);
        allocated.ShouldBe(0);
    }

    [Fact]
    public void ToJsonUtf8_NestingAtTheDepthCeiling_Converts()
    {
        var depth = CborDecoderOptions.DepthCeiling;
        var options = new CborDecoderOptions { MaxDepth = depth };
        var input = Convert.FromHexString(string.Concat(Enumerable.Repeat("81", depth)) + "00");

        var json = CborJson.ToJsonElement(input, options);

        json.GetRawText().ShouldBe(new string('[', depth) + "0" + new string(']', depth));
    }
}
