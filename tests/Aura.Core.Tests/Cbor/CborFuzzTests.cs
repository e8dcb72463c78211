using System.Text.Json;
using Aura.Core.Cbor;

namespace Aura.Core.Tests.Cbor;

/// <summary>
/// Arbitrary bytes from a peer: the decoder answers every input, consistently between its streaming and
/// final modes, and fails only with <see cref="CborException"/>. The timeouts catch a hang.
/// </summary>
public sealed class CborFuzzTests
{
    private static readonly byte[] Interesting =
    [
        0x00, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1f, 0x20, 0x38, 0x3b, 0x40, 0x41, 0x42, 0x58, 0x5f,
        0x60, 0x61, 0x62, 0x78, 0x7f, 0x80, 0x81, 0x82, 0x98, 0x9f, 0xa0, 0xa1, 0xa2, 0xb8, 0xbf, 0xc0,
        0xc1, 0xd8, 0xdf, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xff, 0xc3, 0xbc, 0xed, 0xf0,
    ];

    private static readonly string[] Seeds =
    [
        JetsonScopeMessages.SetControlCbor,
        JetsonScopeMessages.GetStatsMapCbor,
        "bf61610161629f0203ffff",
        "9f018202039f0405ffff",
        "7f657374726561646d696e67ff",
        "5f42010243030405ff",
        "a56161614161626142616361436164614461656145",
        "c1fb41d452d9ec200000",
        "83019f0203ff820405",
    ];

    [Fact(Timeout = 120_000)]
    public async Task Decode_RandomBytes_AnswersWithoutOtherExceptions()
    {
        await Task.Run(() =>
        {
            var random = new Random(20240501);
            var seen = new int[3];
            for (var i = 0; i < 30_000; i++)
            {
                var input = new byte[random.Next(0, 48)];
                for (var j = 0; j < input.Length; j++)
                {
                    input[j] = random.Next(2) == 0 ? Interesting[random.Next(Interesting.Length)] : (byte)random.Next(256);
                }

                seen[(int)CheckConsistent(input)]++;
            }

            seen.ShouldAllBe(count => count > 1000, $"complete, incomplete, malformed: {string.Join(", ", seen)}");
        });
    }

    [Fact(Timeout = 120_000)]
    public async Task Decode_MutatedMessages_AnswersWithoutOtherExceptions()
    {
        await Task.Run(() =>
        {
            var random = new Random(8949);
            var seen = new int[3];
            for (var i = 0; i < 30_000; i++)
            {
                var input = Convert.FromHexString(Seeds[random.Next(Seeds.Length)]).ToList();
                for (var mutations = random.Next(1, 4); mutations > 0 && input.Count > 0; mutations--)
                {
                    var at = random.Next(input.Count);
                    switch (random.Next(4))
                    {
                        case 0:
                            input[at] ^= (byte)(1 << random.Next(8));
                            break;
                        case 1:
                            input.Insert(at, Interesting[random.Next(Interesting.Length)]);
                            break;
                        case 2:
                            input.RemoveAt(at);
                            break;
                        default:
                            input[at] = Interesting[random.Next(Interesting.Length)];
                            break;
                    }
                }

                seen[(int)CheckConsistent([.. input])]++;
            }

            seen.ShouldAllBe(count => count > 1000, $"complete, incomplete, malformed: {string.Join(", ", seen)}");
        });
    }

    private static CborReadStatus CheckConsistent(byte[] input)
    {
        var status = CborDecoder.TryReadItem(input, out var length, out var error);
        var hex = Convert.ToHexStringLower(input);
        switch (status)
        {
            case CborReadStatus.Complete:
                error.ShouldBeNull();
                length.ShouldBeInRange(1, input.Length);
                CborDecoder.GetItemLength(input).ShouldBe(length, hex);
                CheckCompleteItem(input[..length]);
                break;
            case CborReadStatus.Incomplete:
                error.ShouldBeNull();
                Should.Throw<CborException>(() => CborDecoder.GetItemLength(input), hex);
                break;
            default:
                error.ShouldNotBeNull().Offset.ShouldBeInRange(0, input.Length, hex);
                Should.Throw<CborException>(() => CborDecoder.GetItemLength(input), hex);
                break;
        }

        return status;
    }

    private static void CheckCompleteItem(byte[] item)
    {
        CborDecoder.Validate(item);
        CborDiagnostic.Format(item).ShouldNotBeEmpty();
        byte[] json;
        try
        {
            json = CborJson.ToJsonUtf8(item);
        }
        catch (CborException exception)
        {
            exception.Reason.ShouldStartWith("map key ");
            return;
        }

        // Whatever the bridge produces is JSON that converts back to valid CBOR.
        CborDecoder.Validate(CborJson.FromJson(JsonElement.Parse(json)));
    }
}
