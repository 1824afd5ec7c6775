using BenchmarkDotNet.Attributes;
using CheckIn.Core;
using CheckIn.Core.Identity;
using CheckIn.Declarations;
using NodaTime;

namespace CheckIn.Benchmarks.Declarations;

/// <summary>
/// Validating a domestic declaration (every rule, addresses against the units in force, ID number against year
/// and sex), from the model and from JSON. The baseline is the FluentValidation validator alone, without
/// re-wording the failures.
/// </summary>
[MemoryDiagnoser]
public class DeclarationValidationBenchmarks
{
    private readonly DeclarationValidator _validator = new();
    private readonly DomesticDeclarationValidator _domestic = new();
    private DomesticDeclaration _valid = null!;
    private DomesticDeclaration _invalid = null!;
    private string _json = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _valid = new DomesticDeclaration
        {
            DeclaredAt = Instant.FromUtc(2021, 9, 1, 2, 0),
            FullName = "NGUYỄN VĂN AN",
            DocumentNumber = "001090123456",
            BirthYear = 1990,
            Sex = Sex.Male,
            Nationality = "VN",
            Address = new Address { ProvinceCode = 1, DistrictCode = 1, CommuneCode = 1, Street = "12 Phó Đức Chính" },
            Phone = "0912 345 678",
            Email = "an@example.vn",
            PlacesVisited = new(["Chợ Long Biên"]),
            Symptoms = new([Symptom.Cough]),
        };
        _invalid = _valid with { FullName = "Nguyễn Văn An", BirthYear = 1991, Phone = "12345" };
        _json = DeclarationJson.Write(_valid);
        if (!_validator.Validate(_valid).IsValid || _validator.Validate(_invalid).Failures.Count != 3)
        {
            throw new InvalidOperationException("The benchmark documents are not what they claim to be.");
        }
    }

    [Benchmark(Baseline = true)]
    public bool FluentValidatorOnly() => _domestic.Validate(_valid).IsValid;

    [Benchmark]
    public bool ValidateValid() => _validator.Validate(_valid).IsValid;

    [Benchmark]
    public int ValidateInvalidAndWordFailures() => _validator.Validate(_invalid).Failures.Sum(f => f.GetMessage(MessageLanguage.Vietnamese).Length);

    [Benchmark]
    public bool ReadJsonAndValidate() => _validator.Validate(DeclarationJson.Read(_json).Document!).IsValid;
}
