using System.Buffers.Binary;
using System.Security.Cryptography;
using CheckIn.Core;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Testing;
using CheckIn.Tracing.Notices;
using CheckIn.Tracing.Visits;
using NodaTime;
using NodaTime.Testing;
using static CheckIn.Tracing.Tests.Support.People;

namespace CheckIn.Tracing.Tests.Notices;

public sealed class ExposureNoticePackageTests : IDisposable
{
    private static readonly Instant Issued = Instant.FromUtc(2021, 9, 20, 6, 0);
    private static readonly FakeClock Clock = new(Issued + Duration.FromHours(1));
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly SigningKeyRing _ring;

    public ExposureNoticePackageTests() =>
        _ring = new SigningKeyRing([new TrustedSigningKey(4, _key.ExportSubjectPublicKeyInfo()) { Subjects = SignedSubjects.Notices }]);

    public void Dispose()
    {
        _ring.Dispose();
        _key.Dispose();
    }

    private static readonly ExposureNotice[] Notices =
    [
        new("V-HUE-0001", At(8), At(9)),
        new("Chợ Đông Ba", At(10), At(12, 30)),
        new("V-HUE-0001", At(14), At(15)),
    ];

    private byte[] Package(IEnumerable<ExposureNotice>? notices = null) => ExposureNoticePackage.Sign(_key, 4, notices ?? Notices, Issued);

    private string Error(byte[] bytes, SigningKeyRing? ring = null) => ExposureNoticePackage.Read(bytes, ring ?? _ring, Clock).Error.Code;

    [Fact]
    public void SignRead_RoundTrip_MatcherUsesIt()
    {
        var package = ExposureNoticePackage.Read(Package(), _ring, Clock).Value;
        Assert.Equal(Notices, package.Notices);
        Assert.Equal((4, Issued), (package.KeyId, package.IssuedAt));
        var matcher = new ExposureMatcher(package, Duration.FromMinutes(15));
        Assert.Single(matcher.Match([new Visit(P(1), "Chợ Đông Ba", At(12), At(13))]));
    }

    [Fact]
    public void Read_AnyChangedByte_Refused()
    {
        var bytes = Package();
        for (var i = 0; i < bytes.Length; i++)
        {
            var forged = bytes.ToArray();
            forged[i] ^= 0x01;
            var result = ExposureNoticePackage.Read(forged, _ring, Clock);
            Assert.False(result.Success, $"byte {i} changed and the package still read");
        }
    }

    [Fact]
    public void Read_ForgedWindow_AlteredBody()
    {
        // Move the first window by an hour: the classic forgery (send a crowd into quarantine, or hide an outbreak).
        var bytes = Package();
        var from = 21 + 1 + "V-HUE-0001".Length;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(from), BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(from)) + 3600);
        Assert.Equal(CoreErrorCodes.SignedPayload.AlteredBody, Error(bytes));
    }

    [Fact]
    public void Read_Unsigned_BadSignature()
    {
        var bytes = Package();
        bytes.AsSpan(bytes.Length - 64).Clear();
        Assert.Equal(CoreErrorCodes.SignedPayload.BadSignature, Error(bytes));
    }

    [Fact]
    public void Read_SignedByAnotherKey_Refused()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.Equal(CoreErrorCodes.SignedPayload.AlteredBody, Error(ExposureNoticePackage.Sign(other, 4, Notices, Issued)));
        Assert.Equal(CoreErrorCodes.SignedPayload.UnknownKey, Error(ExposureNoticePackage.Sign(other, 5, Notices, Issued)));
    }

    [Fact]
    public void Read_KeyRules_AsForSignedCodes()
    {
        var spki = _key.ExportSubjectPublicKeyInfo();
        using var venueOnly = new SigningKeyRing([new TrustedSigningKey(4, spki) { Subjects = SignedSubjects.Venue }]);
        using var revoked = new SigningKeyRing([new TrustedSigningKey(4, spki) { Revoked = true }]);
        using var expired = new SigningKeyRing([new TrustedSigningKey(4, spki) { NotAfter = Issued + Duration.FromMinutes(10) }]);
        Assert.Equal(CoreErrorCodes.SignedPayload.WrongKind, Error(Package(), venueOnly));
        Assert.Equal(CoreErrorCodes.SignedPayload.KeyRevoked, Error(Package(), revoked));
        Assert.Equal(CoreErrorCodes.SignedPayload.KeyExpired, Error(Package(), expired));
    }

    [Fact]
    public void Read_HighS_NonCanonical()
    {
        var bytes = Package();
        Assert.True(EcdsaTwin.IsLowS(bytes.AsSpan(bytes.Length - 64)), "the package is signed low-S");
        EcdsaTwin.Flip(bytes.AsSpan(bytes.Length - 64));
        Assert.Equal(CoreErrorCodes.SignedPayload.NonCanonical, Error(bytes));
    }

    [Fact]
    public void Read_Format_Coded()
    {
        Assert.Equal(TracingErrorCodes.NoticePackage.Magic, Error("NOTAPACKAGE-------------------------------------------------------------------------------------"u8.ToArray()));
        Assert.Equal(TracingErrorCodes.NoticePackage.Truncated, Error(Package()[..40]));
        Assert.Equal(TracingErrorCodes.NoticePackage.TooLarge, Error(new byte[ExposureNoticePackage.MaxLength + 1]));
        var version = Package();
        version[6] = 2;
        Assert.Equal(TracingErrorCodes.NoticePackage.Version, Error(version));
        var time = Package();
        BinaryPrimitives.WriteInt64BigEndian(time.AsSpan(9), -1);
        Assert.Equal(TracingErrorCodes.NoticePackage.Field, Error(time));
    }

    [Fact]
    public void Read_CountTheBytesCannotHold_RefusedBeforeAllocating()
    {
        var bytes = Package();
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(17), 900_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(TracingErrorCodes.NoticePackage.Count, Error(bytes));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 100_000);
    }

    [Theory]
    [InlineData("empty-venue")]
    [InlineData("bad-utf8")]
    [InlineData("backwards")]
    [InlineData("trailing")]
    public void Read_SignedButMalformed_Coded(string how)
    {
        // A key holder who signs garbage still gets a coded error, never a crash or a half-read list.
        var body = new List<byte>();
        body.AddRange("CKNOTE"u8.ToArray());
        body.Add(1);
        body.AddRange([0, 4]);
        body.AddRange(BigEndian(Issued.ToUnixTimeSeconds()));
        body.AddRange([0, 0, 0, 1]);
        var venue = how switch { "empty-venue" => [], "bad-utf8" => new byte[] { 0xC3, 0x28 }, _ => "V1"u8.ToArray() };
        body.Add((byte)venue.Length);
        body.AddRange(venue);
        var (from, until) = how == "backwards" ? (At(9), At(8)) : (At(8), At(9));
        body.AddRange(BigEndian(from.ToUnixTimeSeconds()));
        body.AddRange(BigEndian(until.ToUnixTimeSeconds()));
        if (how == "empty-venue")
        {
            body.AddRange(new byte[2]);
        }

        if (how == "trailing")
        {
            body.Add(0xFF);
        }

        var signed = body.ToArray();
        var signature = _key.SignData([.. "CHECKIN-NOTICES-V1"u8.ToArray(), .. signed], HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        SigningKeyRing.NormalizeSignature(signature);
        var expected = how == "trailing" ? TracingErrorCodes.NoticePackage.TrailingData : TracingErrorCodes.NoticePackage.Entry;
        Assert.Equal(expected, Error([.. signed, .. signature]));

        static byte[] BigEndian(long value)
        {
            var bytes = new byte[8];
            BinaryPrimitives.WriteInt64BigEndian(bytes, value);
            return bytes;
        }
    }

    [Fact]
    public void Read_MutatedPackages_NeverThrow()
    {
        var valid = Package(Enumerable.Range(0, 40).Select(i => new ExposureNotice($"V{i}", At(8) + Duration.FromMinutes(i), At(9) + Duration.FromMinutes(i))));
        var random = new Random(20261202);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = valid.ToArray();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            if (random.Next(4) == 0)
            {
                bytes = bytes[..random.Next(bytes.Length)];
            }

            var result = ExposureNoticePackage.Read(bytes, _ring, Clock);
            Assert.False(result.Success && !bytes.AsSpan().SequenceEqual(valid));
        }
    }

    [Fact]
    public void Sign_BadNotices_Throw()
    {
        Assert.Throws<ArgumentException>(() => Package([new ExposureNotice("", At(8), At(9))]));
        Assert.Throws<ArgumentException>(() => Package([new ExposureNotice("V", At(9), At(8))]));
        Assert.Throws<ArgumentException>(() => Package([new ExposureNotice(new string('x', 256), At(8), At(9))]));
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Assert.Throws<ArgumentException>(() => ExposureNoticePackage.Sign(p384, 1, Notices, Issued));
    }

    [Fact]
    public void Matcher_TakesOnlyAVerifiedPackage()
    {
        // No public way to match against a list of notices that nobody signed.
        Assert.All(typeof(ExposureMatcher).GetConstructors(), c => Assert.Equal(typeof(ExposureNoticePackage), c.GetParameters()[0].ParameterType));
        Assert.DoesNotContain(typeof(ExposureNoticePackage).GetConstructors(), c => c.IsPublic);
    }
}
