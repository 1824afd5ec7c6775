using CheckIn.Core.Identity;

namespace CheckIn.Core.Tests.Identity;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("0912345678", "+84912345678")]
    [InlineData("0912 345 678", "+84912345678")]
    [InlineData("0912.345.678", "+84912345678")]
    [InlineData("0912-345-678", "+84912345678")]
    [InlineData("+84 912 345 678", "+84912345678")]
    [InlineData("+84912345678", "+84912345678")]
    [InlineData("84912345678", "+84912345678")]
    [InlineData("0084912345678", "+84912345678")]
    [InlineData("+84 0912 345 678", "+84912345678")]
    [InlineData("(+84) 912-345-678", "+84912345678")]
    [InlineData("0386123456", "+84386123456")]
    [InlineData("0523456789", "+84523456789")]
    [InlineData("0599123456", "+84599123456")]
    [InlineData("0708123456", "+84708123456")]
    [InlineData("0896123456", "+84896123456")]
    public void Read_MobileForms_NormalizeToE164(string text, string e164)
    {
        var phone = PhoneNumber.Read(text).Value;
        Assert.Equal(e164, phone.E164);
        Assert.Equal(PhoneKind.Mobile, phone.Kind);
        Assert.False(phone.WasConverted);
        Assert.Equal("0" + e164[3..], phone.National);
    }

    [Theory]
    [InlineData("024 3825 1234", "+842438251234")]
    [InlineData("028-3822-1234", "+842838221234")]
    [InlineData("0234 3822 123", "+842343822123")]
    [InlineData("+84 236 3822 123", "+842363822123")]
    public void Read_Landline_Classified(string text, string e164)
    {
        var phone = PhoneNumber.Read(text).Value;
        Assert.Equal(PhoneKind.Landline, phone.Kind);
        Assert.Equal(e164, phone.E164);
    }

    [Theory]
    [InlineData("0168 123 4567", "0381234567")]
    [InlineData("01621234567", "0321234567")]
    [InlineData("01201234567", "0701234567")]
    [InlineData("01211234567", "0791234567")]
    [InlineData("01221234567", "0771234567")]
    [InlineData("01261234567", "0761234567")]
    [InlineData("01281234567", "0781234567")]
    [InlineData("01231234567", "0831234567")]
    [InlineData("01241234567", "0841234567")]
    [InlineData("01251234567", "0851234567")]
    [InlineData("01271234567", "0811234567")]
    [InlineData("01291234567", "0821234567")]
    [InlineData("01861234567", "0561234567")]
    [InlineData("01881234567", "0581234567")]
    [InlineData("01991234567", "0591234567")]
    [InlineData("+84 168 123 4567", "0381234567")]
    public void Read_OldElevenDigitMobile_ConvertedTo2018Number(string text, string national)
    {
        var phone = PhoneNumber.Read(text).Value;
        Assert.True(phone.WasConverted);
        Assert.Equal(national, phone.National);
        Assert.Equal(PhoneKind.Mobile, phone.Kind);
    }

    [Theory]
    [InlineData("091234567", "PhoneNumber.Length")]
    [InlineData("09123456789", "PhoneNumber.Length")]
    [InlineData("0912a45678", "PhoneNumber.Character")]
    [InlineData("0912_345_678", "PhoneNumber.Character")]
    [InlineData("+1 202 555 0123", "PhoneNumber.CountryCode")]
    [InlineData("0112345678", "PhoneNumber.UnknownPrefix")]
    [InlineData("0612345678", "PhoneNumber.UnknownPrefix")]
    [InlineData("01101234567", "PhoneNumber.UnknownPrefix")]
    [InlineData("0201234567", "PhoneNumber.UnknownPrefix")]
    [InlineData("", "PhoneNumber.Length")]
    [InlineData("0912345678901234567890123456789012", "PhoneNumber.Length")]
    public void Read_Invalid_Code(string text, string code) => Assert.Equal(code, PhoneNumber.Read(text).Error.Code);

    [Fact]
    public void ToString_MasksMiddleDigits()
    {
        var phone = PhoneNumber.Parse("0912345678");
        Assert.Equal("091*****78", phone.ToString());
    }

    [Fact]
    public void Equality_SameNumberDifferentSpelling_Equal() =>
        Assert.Equal(PhoneNumber.Parse("+84 912 345 678"), PhoneNumber.Parse("0912.345.678"));
}
