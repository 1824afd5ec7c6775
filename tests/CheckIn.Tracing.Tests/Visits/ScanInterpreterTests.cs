using System.Security.Cryptography;
using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Core.Places;
using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using NodaTime;
using NodaTime.Testing;

namespace CheckIn.Tracing.Tests.Visits;

public sealed class ScanInterpreterTests
{
    private static readonly Instant At = Instant.FromUtc(2021, 9, 1, 1, 0);
    private static readonly PersonIdentifier Visitor = new(IdentifierKind.Phone, "0912345678");

    [Theory]
    [InlineData("https://tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e")]
    [InlineData("https://www.tokhaiyte.vn/?page=Group.checkin&groupId=5F8A1C2B3D4E5F6A7B8C9D0E")]
    [InlineData("HTTPS://TOKHAIYTE.VN/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e")]
    [InlineData("https://qr.tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e")]
    public void VenueCode_AnySpellingOfOnePoster_OneVenueKey(string text)
    {
        var scanned = ScanInterpreter.VenueCodeScanned(text, Visitor, At, CheckInEventKind.CheckIn, "phone-1");
        Assert.True(scanned.Success, scanned.ToString());
        Assert.Equal(("tokhaiyte:5f8a1c2b3d4e5f6a7b8c9d0e", EventChannel.App, "phone-1"), (scanned.Value.Venue, scanned.Value.Channel, scanned.Value.Device));
        Assert.Equal(Visitor, scanned.Value.Person);
    }

    [Fact]
    public void SignedVenueCode_KeyedByHostAndVenue_UnverifiedRefusedWhenRequired()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signer = new CheckInSigner(key, 1, "https://checkin.example.vn/c/");
        var text = signer.SignVenue(0x0123456789abcdef, 46, VenueKind.Market, At).ToText();
        var options = new PayloadReaderOptions { Clock = new FakeClock(At + Duration.FromDays(1)) };
        Assert.Equal("checkin:checkin.example.vn/0123456789abcdef", ScanInterpreter.VenueCodeScanned(text, Visitor, At, CheckInEventKind.CheckIn, options: options).Value.Venue);
        Assert.Equal(TracingErrorCodes.Scan.Unverified, ScanInterpreter.VenueCodeScanned(text, Visitor, At, CheckInEventKind.CheckIn, options: options, requireVerified: true).Error.Code);
        using var ring = new SigningKeyRing([KeyValuePair.Create((ushort)1, signer.ExportPublicKey())]);
        Assert.True(ScanInterpreter.VenueCodeScanned(text, Visitor, At, CheckInEventKind.CheckIn, options: options with { VerificationKeys = ring }, requireVerified: true).Success);
    }

    [Fact]
    public void ChipCard_PersonByNewNumber_OldNumberLinked()
    {
        var scanned = ScanInterpreter.PersonCodeScanned("079301000456|025123456|Trần Thị B|15062001|Nữ|56 Đường C, Phường D, Cần Thơ|04102024||||", "V1", At, CheckInEventKind.CheckIn).Value;
        Assert.Equal(new PersonIdentifier(IdentifierKind.CitizenId, "079301000456"), scanned.Person);
        Assert.Equal([new PersonIdentifier(IdentifierKind.CitizenId, "025123456")], scanned.Links);
        Assert.Equal(EventChannel.StaffScan, scanned.Channel);
        Assert.DoesNotContain("079301000456", scanned.Person.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PersonalQr_QidInsuranceAndPhoneLinked_MaskedRefused()
    {
        var scanned = ScanInterpreter.PersonCodeScanned("001090123456|NGUYEN VAN A|1990-01-01|0|QID8F3K2M9X|1<HS4010120878811<0912345678", "V1", At, CheckInEventKind.CheckIn).Value;
        Assert.Equal(new PersonIdentifier(IdentifierKind.CitizenId, "001090123456"), scanned.Person);
        Assert.Contains(new PersonIdentifier(IdentifierKind.PlatformId, "QID8F3K2M9X"), scanned.Links);
        Assert.Contains(new PersonIdentifier(IdentifierKind.HealthInsurance, "HS4010120878811"), scanned.Links);
        Assert.Contains(new PersonIdentifier(IdentifierKind.Phone, "0912345678"), scanned.Links);

        var masked = ScanInterpreter.PersonCodeScanned("******123456|NGUYEN VAN A|1990-**-**|1|QID8F3K2M9X|1<GD4877*******<0943******", "V1", At, CheckInEventKind.CheckIn);
        Assert.Equal(TracingErrorCodes.Scan.MaskedCode, masked.Error.Code);
    }

    [Fact]
    public void WrongSideScanned_Coded()
    {
        const string Venue = "https://tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e";
        const string Card = "079301000456|025123456|Trần Thị B|15062001|Nữ|56 Đường C, Phường D, Cần Thơ|04102024||||";
        Assert.Equal(TracingErrorCodes.Scan.NotAPersonCode, ScanInterpreter.PersonCodeScanned(Venue, "V1", At, CheckInEventKind.CheckIn).Error.Code);
        Assert.Equal(TracingErrorCodes.Scan.NotAVenueCode, ScanInterpreter.VenueCodeScanned(Card, Visitor, At, CheckInEventKind.CheckIn).Error.Code);
        Assert.Equal("Payload.UnknownFormat", ScanInterpreter.PersonCodeScanned("hello", "V1", At, CheckInEventKind.CheckIn).Error.Code);
    }

    [Fact]
    public void OnePersonTwoCards_TheScansLinksJoinThemInTheRegistry()
    {
        // A 1405 code scanned at one venue carries the insurance number scanned as a card at another: pseudonymized
        // apart, the link the scan returned makes them one person.
        var pseudonymizer = new PersonPseudonymizer(RandomNumberGenerator.GetBytes(32));
        PersonPseudonym Pseudonym(PersonIdentifier id) => pseudonymizer.Pseudonymize(id.Kind, id.Value);
        var code = ScanInterpreter.PersonCodeScanned("001090123456|NGUYEN VAN A|1990-01-01|0|QID8F3K2M9X|1<HS4010120878811", "market", At, CheckInEventKind.CheckIn).Value;
        var card = ScanInterpreter.PersonCodeScanned(
            "HS4010120878811|4e677579e1bb856e2056c4836e20416e|01/01/1990|1|58c3a3205068c3ba205468c6b0e1bba16e67|79 - 017|01/01/2021|-|01/01/2021|46010120878811|-|4|01/01/2021|a1b2c3d4e5f60718-1234|$",
            "clinic", At, CheckInEventKind.CheckIn);
        Assert.True(card.Success, card.ToString());
        Assert.Equal(new PersonIdentifier(IdentifierKind.HealthInsurance, "HS4010120878811"), card.Value.Person);
        var cardPerson = Pseudonym(card.Value.Person);
        Assert.NotEqual(Pseudonym(code.Person), cardPerson);

        var registry = new PersonRegistry();
        foreach (var link in code.Links)
        {
            registry.Link(Pseudonym(code.Person), Pseudonym(link));
        }

        Assert.Equal(registry.Resolve(Pseudonym(code.Person)), registry.Resolve(cardPerson));
        Assert.NotEqual(registry.Resolve(Pseudonym(code.Person)), registry.Resolve(Pseudonym(Visitor)));
    }

    [Fact]
    public void ToEvent_LinksLearnedAndKindFromTheRegistry_RecordedUnderTheRepresentative()
    {
        var pseudonymizer = new PersonPseudonymizer(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var registry = new PersonRegistry();
        var venues = new CheckIn.Tracing.Venues.VenueRegistry();
        venues.Register("clinic", CheckIn.Core.Places.VenueKind.Hospital);
        var insurance = new PersonIdentifier(IdentifierKind.HealthInsurance, "DN4797915123456");
        var chip = new PersonIdentifier(IdentifierKind.CitizenId, "046090001234");

        // First seen by insurance card alone; then a 1405 code carries the ID number with the insurance number in EXT.
        var first = ScanInterpreter.ToEvent(new ScannedEvent("clinic", insurance, [], CheckInEventKind.CheckIn, At, EventChannel.StaffScan, null), pseudonymizer, registry, venues);
        Assert.Empty(first.Merges);
        Assert.Equal(CheckIn.Core.Places.VenueKind.Hospital, first.Event.VenueKind);
        var second = ScanInterpreter.ToEvent(new ScannedEvent("market", chip, [insurance], CheckInEventKind.CheckIn, At, EventChannel.StaffScan, null), pseudonymizer, registry, venues);
        Assert.Equal([new PersonMerge(first.Event.Person, pseudonymizer.Pseudonymize(IdentifierKind.CitizenId, chip.Value))], second.Merges);
        Assert.Equal(first.Event.Person, second.Event.Person);
        Assert.Equal(CheckIn.Core.Places.VenueKind.Unspecified, second.Event.VenueKind);

        // Without a registry the event is the scanned identifier's own.
        var alone = ScanInterpreter.ToEvent(new ScannedEvent("market", chip, [insurance], CheckInEventKind.CheckIn, At, EventChannel.StaffScan, null), pseudonymizer);
        Assert.Equal(pseudonymizer.Pseudonymize(IdentifierKind.CitizenId, chip.Value), alone.Event.Person);
        Assert.Empty(alone.Merges);
    }
}
