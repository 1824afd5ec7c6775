using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Dcc;
using CheckIn.Core.Payloads.Signed;

namespace CheckIn.Core.Tests.Payloads.Dcc;

/// <summary>
/// Mutated valid codes, with fixed seeds: in the text (every step from Base45 on) and in the decompressed COSE bytes,
/// re-wrapped so the mutation reaches the COSE, CWT and schema readers. Reading never throws, and a code that still
/// verifies carries exactly the certificate that was signed.
/// </summary>
public sealed class DccFuzzTests
{
    private const int Mutations = 20_000;

    private static readonly string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:~a\u00e9|";

    [Fact]
    public void MutatedText_NeverThrows_AndWhatVerifiesIsTheSignedCertificate()
    {
        var original = DccTestData.Vaccination();
        var text = DccTestData.Issue(original);
        var random = new Random(18);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Mutations; i++)
        {
            var chars = text.ToCharArray().ToList();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0:
                        chars[at] = Alphabet[random.Next(Alphabet.Length)];
                        break;
                    case 1:
                        chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                        break;
                    default:
                        chars.RemoveAt(at);
                        break;
                }
            }

            var read = PayloadReader.Read(new string([.. chars]), DccTestData.Verifying);
            Count(outcomes, read, original);
        }

        // The text steps are all exercised.
        Assert.True(outcomes.ContainsKey(CoreErrorCodes.Dcc.Base45) && outcomes.ContainsKey(CoreErrorCodes.Dcc.Compression), string.Join(", ", outcomes));
    }

    [Fact]
    public void MutatedCoseBytes_NeverThrow_AndWhatVerifiesIsTheSignedCertificate()
    {
        var original = DccTestData.Test();
        var cose = DccTestData.Cose(DccTestData.Issue(original));
        var random = new Random(260);
        var verified = new Dictionary<string, int>(StringComparer.Ordinal);
        var unverified = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Mutations; i++)
        {
            var bytes = cose.ToList();
            for (var edits = random.Next(1, 3); edits > 0; edits--)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(4))
                {
                    case 0:
                        bytes[at] = (byte)random.Next(256);
                        break;
                    case 1:
                        bytes[at] ^= (byte)(1 << random.Next(8));
                        break;
                    case 2:
                        bytes.Insert(at, (byte)random.Next(256));
                        break;
                    default:
                        bytes.RemoveAt(at);
                        break;
                }
            }

            var text = DccIssuer.Wrap([.. bytes]);
            Count(verified, PayloadReader.Read(text, DccTestData.Verifying), original);
            var read = PayloadReader.Read(text, DccTestData.NotVerifying);
            Count(unverified, read, null);
        }

        // Without a trust list the mutations reach every reader after the signature: COSE, CWT claims and the schema.
        foreach (var code in new[] { CoreErrorCodes.Dcc.Cose, CoreErrorCodes.Dcc.Claims, CoreErrorCodes.Dcc.Schema })
        {
            Assert.True(unverified.ContainsKey(code), code + " not reached: " + string.Join(", ", unverified));
        }

        Assert.True(verified.ContainsKey(CoreErrorCodes.Dcc.BadSignature), string.Join(", ", verified));
    }

    private static void Count(Dictionary<string, int> outcomes, Result<CheckInPayload> read, DigitalCovidCertificate? signed)
    {
        var key = read.Success ? "ok" : read.Error.Code;
        outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
        if (read.TryGetValue(out var payload))
        {
            var dcc = Assert.IsType<DccPayload>(payload);
            if (signed is not null)
            {
                Assert.Equal(SignatureStatus.Valid, dcc.SignatureStatus);
                Assert.Equal(signed, dcc.Certificate);
            }

            // What reads, reads again from its own text as the same value.
            Assert.Equal(dcc.Certificate, ((DccPayload)PayloadReader.Read(dcc.ToText(), dcc.SignatureStatus == SignatureStatus.Valid
                ? DccTestData.Verifying : DccTestData.NotVerifying).Value).Certificate);
        }
    }
}
