using System.Security.Cryptography;
using System.Text;
using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Core.Places;
using NodaTime;
using NodaTime.Testing;

namespace CheckIn.Core.Tests.Payloads;

public sealed class TrustListTests : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _key.Dispose();

    private SigningKeyRing Ring() => new(
        [
            new TrustedSigningKey(1, _key.ExportSubjectPublicKeyInfo()) { NotBefore = Instant.FromUnixTimeSeconds(1_600_000_000), NotAfter = Instant.FromUnixTimeSeconds(1_900_000_000), Subjects = SignedSubjects.Venue },
            new TrustedSigningKey(2, _key.ExportSubjectPublicKeyInfo()) { Revoked = true },
        ],
        [new RevokedCode(1, 41), new RevokedCode(1, 7)]);

    [Fact]
    public void WriteRead_RoundTrip_KeepsEveryMember()
    {
        var text = TrustList.Write(Ring());
        var read = TrustList.Read(Encoding.UTF8.GetBytes(text)).Value;
        Assert.Equal(Ring().Keys, read.Keys);
        Assert.Equal(Ring().RevokedCodes.ToHashSet(), read.RevokedCodes.ToHashSet());
        Assert.Equal(text, TrustList.Write(read));
        Assert.DoesNotContain("\"d\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_VerifiesCodesAsTheRingSays()
    {
        var ring = TrustList.Read(Encoding.UTF8.GetBytes(TrustList.Write(Ring()))).Value;
        var signer = new CheckInSigner(_key, 1, "https://qr.hue.vn/c/");
        var options = new PayloadReaderOptions { Clock = new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0)), VerificationKeys = ring };
        var issued = Instant.FromUtc(2025, 1, 1, 0, 0);
        Assert.True(PayloadReader.Read(signer.SignVenue(1, 46, VenueKind.Market, issued, null, 8).ToText(), options).Value is SignedPayload { IsVerified: true });
        Assert.Equal(CoreErrorCodes.SignedPayload.Revoked, PayloadReader.Read(signer.SignVenue(1, 46, VenueKind.Market, issued, null, 41).ToText(), options).Error.Code);
        Assert.Equal(CoreErrorCodes.SignedPayload.WrongKind, PayloadReader.Read(signer.SignPerson(1, 46, issued).ToText(), options).Error.Code);
        var revokedKey = new CheckInSigner(_key, 2, "https://qr.hue.vn/c/");
        Assert.Equal(CoreErrorCodes.SignedPayload.KeyRevoked, PayloadReader.Read(revokedKey.SignVenue(1, 46, VenueKind.Market, issued).ToText(), options).Error.Code);
    }

    [Theory]
    [InlineData("not json", "TrustList.Json")]
    [InlineData("[]", "TrustList.Json")]
    [InlineData("{\"keys\":[],\"keys\":[]}", "TrustList.Json")]
    [InlineData("{\"keys\":[1]}", "TrustList.Json")]
    [InlineData("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-384\",\"kid\":\"1\"}]}", "TrustList.KeyType")]
    [InlineData("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"1\",\"use\":\"enc\"}]}", "TrustList.KeyType")]
    [InlineData("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"65536\"}]}", "TrustList.KeyId")]
    [InlineData("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":1}]}", "TrustList.KeyId")]
    [InlineData("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"1\",\"x\":\"AA\",\"y\":\"AA\"}]}", "TrustList.KeyValue")]
    public void Read_Broken_Coded(string json, string code) => Assert.Equal(code, TrustList.Read(Encoding.UTF8.GetBytes(json)).Error.Code);

    [Fact]
    public void Read_ErrorNamesTheKeyAtFault()
    {
        var text = TrustList.Write(Ring()).Replace("\"kid\": \"2\"", "\"kid\": \"x\"", StringComparison.Ordinal);
        var error = TrustList.Read(Encoding.UTF8.GetBytes(text)).Error;
        Assert.Equal((CoreErrorCodes.TrustList.KeyId, 1), (error.Code, error.Field));
    }

    [Fact]
    public void Read_MutatedValidLists_NeverThrow()
    {
        var valid = Encoding.UTF8.GetBytes(TrustList.Write(Ring()));
        var random = new Random(20261202);
        var accepted = 0;
        for (var i = 0; i < 3000; i++)
        {
            var bytes = valid.ToArray();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            var result = TrustList.Read(bytes);
            if (result.Success)
            {
                accepted++;
            }
            else
            {
                Assert.StartsWith("TrustList.", result.Error.Code, StringComparison.Ordinal);
            }
        }

        Assert.InRange(accepted, 1, 2999);
    }
}
