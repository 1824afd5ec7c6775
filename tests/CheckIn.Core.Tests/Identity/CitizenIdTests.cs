using CheckIn.Core.Identity;

namespace CheckIn.Core.Tests.Identity;

public sealed class CitizenIdTests
{
    [Theory]
    [InlineData("001090123456", 1, Sex.Male, 1990)]
    [InlineData("079301000456", 79, Sex.Female, 2001)]
    [InlineData("046205123456", 46, Sex.Male, 2005)]
    [InlineData("096199000001", 96, Sex.Female, 1999)]
    [InlineData("001599000001", 1, Sex.Female, 2199)]
    [InlineData("001499000001", 1, Sex.Male, 2199)]
    [InlineData("001800000001", 1, Sex.Male, 2300)]
    public void Read_ValidNumber_DecodesStructure(string text, int province, Sex sex, int year)
    {
        var id = CitizenId.Read(text).Value;
        Assert.Equal(province, id.BirthProvinceCode);
        Assert.Equal(sex, id.Sex);
        Assert.Equal(year, id.BirthYear);
        Assert.Equal(text, id.Value);
    }

    [Fact]
    public void BirthProvinceCode_CountryCode_IsNullButNumberIsAccepted()
    {
        // Births registered abroad carry a country code; the list is not public, so the number is kept.
        var id = CitizenId.Parse("700090123456");
        Assert.Null(id.BirthProvinceCode);
        Assert.Equal(700, id.RegistrationCode);
    }

    [Fact]
    public void BirthProvinceCode_MissingLegacyCode_IsNull()
    {
        // 003 is not one of the 63 legacy province codes (Hà Nội 01, Hà Giang 02, Cao Bằng 04).
        Assert.Null(CitizenId.Parse("003090123456").BirthProvinceCode);
    }

    [Theory]
    [InlineData("00109012345", "CitizenId.Length", 0)]
    [InlineData("0010901234567", "CitizenId.Length", 0)]
    [InlineData("", "CitizenId.Length", 0)]
    [InlineData("00109012345a", "CitizenId.NotDigits", 11)]
    [InlineData("0010 0123456", "CitizenId.NotDigits", 4)]
    [InlineData("００１090123456", "CitizenId.NotDigits", 0)]
    public void Read_Invalid_ReturnsCodeAndPosition(string text, string code, int position)
    {
        var result = CitizenId.Read(text);
        Assert.False(result.Success);
        Assert.Equal(code, result.Error.Code);
        Assert.Equal(position, result.Error.Position);
    }

    [Fact]
    public void ToString_MasksMiddleDigits()
    {
        var id = CitizenId.Parse("079301000456");
        Assert.Equal("**********56", id.ToString());
        Assert.DoesNotContain("301000", id.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void IsConsistentWith_DateAndSex_ChecksYearAndSexDigit()
    {
        var id = CitizenId.Parse("079301000456");
        Assert.True(id.IsConsistentWith(BirthDate.FromDate(new NodaTime.LocalDate(2001, 6, 15))));
        Assert.False(id.IsConsistentWith(BirthDate.FromYear(1901)));
        Assert.True(id.IsConsistentWith(Sex.Female));
        Assert.False(id.IsConsistentWith(Sex.Male));
        Assert.True(id.IsConsistentWith(Sex.Unspecified));
    }

    [Theory]
    [InlineData(79, Sex.Female, 2001, 456, "079301000456")]
    [InlineData(1, Sex.Male, 1990, 123456, "001090123456")]
    [InlineData(46, Sex.Female, 2150, 7, "046550000007")]
    public void Create_Parts_BuildsNumber(int province, Sex sex, int year, int serial, string expected)
    {
        var id = CitizenId.Create(province, sex, year, serial);
        Assert.Equal(expected, id.Value);
        Assert.Equal(sex, id.Sex);
        Assert.Equal(year, id.BirthYear);
    }

    [Fact]
    public void Create_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CitizenId.Create(1000, Sex.Male, 1990, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CitizenId.Create(1, Sex.Other, 1990, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CitizenId.Create(1, Sex.Male, 1899, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CitizenId.Create(1, Sex.Male, 1990, 1_000_000));
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatExceptionWithCodeAndNoDigits()
    {
        var exception = Assert.Throws<CheckInException>(() => CitizenId.Parse("12345678901x"));
        Assert.Equal("CitizenId.NotDigits", exception.Error.Code);
        Assert.DoesNotContain("12345678901", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_SameDigits_Equal()
    {
        Assert.Equal(CitizenId.Parse("001090123456"), CitizenId.Parse("001090123456"));
        Assert.NotEqual(CitizenId.Parse("001090123456"), CitizenId.Parse("001090123457"));
    }

    [Fact]
    public void WriteTo_SmallBuffer_ReturnsZero()
    {
        Span<char> small = stackalloc char[5];
        Assert.Equal(0, CitizenId.Parse("001090123456").WriteTo(small));
    }

    [Fact]
    public void Size_IsOneLong()
    {
        // Stored as a number: reading one never allocates.
        Assert.Equal(8, System.Runtime.CompilerServices.Unsafe.SizeOf<CitizenId>());
    }
}
