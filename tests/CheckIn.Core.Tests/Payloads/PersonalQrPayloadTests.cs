using CheckIn.Core.Identity;
using CheckIn.Core.Payloads;
using CheckIn.Core.Tests.Support;
using NodaTime;

namespace CheckIn.Core.Tests.Payloads;

public sealed class PersonalQrPayloadTests
{
    [Fact]
    public void Read_Unmasked_AllFields()
    {
        var qr = PersonalQrPayload.Read(Samples.PersonalQr).Value;
        Assert.Equal(IdentityDocumentKind.CitizenId, qr.Document.Kind);
        Assert.False(qr.Document.IsMasked);
        Assert.True(qr.Document.TryGetCitizenId(out var id));
        Assert.Equal(1990, id.BirthYear);
        Assert.Equal("NGUYEN VAN A", qr.FullName);
        Assert.Equal(BirthDate.FromDate(new LocalDate(1990, 1, 1)), qr.DateOfBirth);
        Assert.Equal(DeclarationKind.Self, qr.Declaration);
        Assert.Equal("QID8F3K2M9X", qr.Qid);
        Assert.Empty(qr.Extensions);
        Assert.False(qr.IsMasked);
        Assert.Equal(PayloadQuirks.None, qr.Quirks);
    }

    [Fact]
    public void Read_MaskedDisplayForm_ReportedMasked()
    {
        var qr = PersonalQrPayload.Read(Samples.PersonalQrMasked).Value;
        Assert.True(qr.IsMasked);
        Assert.True(qr.Document.IsMasked);
        Assert.Equal(IdentityDocumentKind.CitizenId, qr.Document.Kind);
        Assert.False(qr.Document.TryGetCitizenId(out _));
        Assert.Equal(BirthDate.FromYear(1990), qr.DateOfBirth);
        Assert.Equal(DeclarationKind.OnBehalf, qr.Declaration);
        Assert.Equal(["1", "GD4877*******", "0943******"], qr.Extensions);
        Assert.Equal(Samples.PersonalQrMasked, qr.ToText());
    }

    [Fact]
    public void Read_PassportAndCmnd_Kinds()
    {
        Assert.Equal(IdentityDocumentKind.Passport, PersonalQrPayload.Read(Samples.PersonalQrPassport).Value.Document.Kind);
        var cmnd = PersonalQrPayload.Read("012345678|TRAN THI B|1975-05-05|0|Q1|").Value;
        Assert.Equal(IdentityDocumentKind.LegacyIdNumber, cmnd.Document.Kind);
        Assert.Equal(IdentityDocumentKind.LegacyIdNumber, PersonalQrPayload.Read("******678|TRAN THI B|1975-05-05|0|Q1|").Value.Document.Kind);
    }

    [Fact]
    public void Read_NameWithDiacritics_KeptAndFlagged()
    {
        var qr = PersonalQrPayload.Read("001090123456|Nguyễn Văn A|1990-01-01|0|Q1|").Value;
        Assert.Equal("Nguyễn Văn A", qr.FullName);
        Assert.True(qr.Quirks.HasFlag(PayloadQuirks.NonCanonicalName));
    }

    [Theory]
    [InlineData("001090123456|NGUYEN VAN A|1990-01-01|0|Q1", "PersonalQr.FieldCount", -1)]
    [InlineData("00109012345|NGUYEN VAN A|1990-01-01|0|Q1|", "PersonalQr.DocumentNumber", 0)]
    [InlineData("*****0123456|NGUYEN VAN A|1990-01-01|0|Q1|", "PersonalQr.DocumentNumber", 0)]
    [InlineData("C12-4567|NGUYEN VAN A|1990-01-01|0|Q1|", "PersonalQr.DocumentNumber", 0)]
    [InlineData("001090123456||1990-01-01|0|Q1|", "PersonalQr.Name", 1)]
    [InlineData("001090123456|NGUYEN VAN A|01/01/1990|0|Q1|", "PersonalQr.DateOfBirth", 2)]
    [InlineData("001090123456|NGUYEN VAN A|1990-**-01|0|Q1|", "PersonalQr.DateOfBirth", 2)]
    [InlineData("001090123456|NGUYEN VAN A|1990-01-01|2|Q1|", "PersonalQr.DeclarationType", 3)]
    [InlineData("001090123456|NGUYEN VAN A|1990-01-01|0||", "PersonalQr.Qid", 4)]
    [InlineData("001090123456|NGUYEN VAN A|1990-01-01|0|Q 1|", "PersonalQr.Qid", 4)]
    [InlineData("001090123456|NGUYEN VAN A|1991-01-01|0|Q1|", "PersonalQr.IdBirthYearMismatch", 0)]
    public void Read_Invalid_CodeAndField(string text, string code, int field)
    {
        var error = PersonalQrPayload.Read(text).Error;
        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Writer_FoldedName_ReadsBackEqual()
    {
        var payload = new PersonalQrPayload(
            IdentityDocument.FromCitizenId(CitizenId.Parse("079301000456")),
            CheckIn.Core.Text.VietnameseText.FoldName("Trần Thị Bích"),
            BirthDate.FromDate(new LocalDate(2001, 6, 15)),
            DeclarationKind.Self,
            "QIDX1",
            new EquatableArray<string>(["2", "0912345678"]));
        Assert.Equal("079301000456|TRAN THI BICH|2001-06-15|0|QIDX1|2<0912345678", payload.ToText());
        Assert.Equal(payload, PersonalQrPayload.Read(payload.ToText()).Value);
    }

    [Fact]
    public void Masked_Document_HidesFirstSix()
    {
        var document = IdentityDocument.FromCitizenId(CitizenId.Parse("079301000456")).Masked();
        Assert.Equal("******000456", document.Number);
        Assert.True(document.IsMasked);
    }

    [Fact]
    public void Constructor_ExtensionWithSeparator_Throws()
    {
        var document = IdentityDocument.FromCitizenId(CitizenId.Parse("001090123456"));
        Assert.Throws<ArgumentException>(() => new PersonalQrPayload(document, "A", BirthDate.FromYear(1990), DeclarationKind.Self, "Q", new EquatableArray<string>(["a<b"])));
        Assert.Throws<ArgumentException>(() => new PersonalQrPayload(document, "A", BirthDate.FromYear(1991), DeclarationKind.Self, "Q"));
        Assert.Throws<ArgumentException>(() => new PersonalQrPayload(document, "A", BirthDate.FromYear(1990), DeclarationKind.Self, "Q 1"));
    }

    [Fact]
    public void Constructor_SingleEmptyExtension_NormalizedToNone()
    {
        var document = IdentityDocument.FromCitizenId(CitizenId.Parse("001090123456"));
        var payload = new PersonalQrPayload(document, "A", BirthDate.FromYear(1990), DeclarationKind.Self, "Q", new EquatableArray<string>([""]));
        Assert.Empty(payload.Extensions);
    }
}
