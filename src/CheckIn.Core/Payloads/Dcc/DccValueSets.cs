namespace CheckIn.Core.Payloads.Dcc;

/// <summary>A DCC value set with names in <see cref="DccValueSets"/>.</summary>
public enum DccValueSet
{
    /// <summary>Disease or agent targeted (<c>tg</c>).</summary>
    Disease = 1,

    /// <summary>Vaccine or prophylaxis (<c>vp</c>).</summary>
    VaccineType = 2,

    /// <summary>Vaccine medicinal product (<c>mp</c>).</summary>
    VaccineProduct = 3,

    /// <summary>Marketing authorisation holder or manufacturer (<c>ma</c> of a vaccination).</summary>
    VaccineManufacturer = 4,

    /// <summary>Type of test (<c>tt</c>).</summary>
    TestType = 5,

    /// <summary>Test result (<c>tr</c>).</summary>
    TestResult = 6,
}

/// <summary>
/// The DCC value sets a checkpoint screen needs, embedded with English and Vietnamese names: targeted disease, vaccine
/// type, vaccine product, marketing authorisation holder, test type and test result. Codes and English names are those
/// the eHealth Network published (ehn-dcc-development/eu-dcc-schema, <c>valuesets/</c>, 2021–2022); a code not listed
/// has no name here and is shown as it is.
/// </summary>
public static class DccValueSets
{
    private static readonly Dictionary<(DccValueSet, string), (string English, string Vietnamese)> Names = new()
    {
        [(DccValueSet.Disease, "840539006")] = ("COVID-19", "COVID-19"),
        [(DccValueSet.VaccineType, "1119349007")] = ("SARS-CoV-2 mRNA vaccine", "Vắc xin mRNA SARS-CoV-2"),
        [(DccValueSet.VaccineType, "1119305005")] = ("SARS-CoV-2 antigen vaccine", "Vắc xin kháng nguyên SARS-CoV-2"),
        [(DccValueSet.VaccineType, "J07BX03")] = ("covid-19 vaccines", "Vắc xin COVID-19"),
        [(DccValueSet.VaccineProduct, "EU/1/20/1528")] = ("Comirnaty", "Comirnaty (Pfizer-BioNTech)"),
        [(DccValueSet.VaccineProduct, "EU/1/20/1507")] = ("COVID-19 Vaccine Moderna", "Vắc xin COVID-19 Moderna (Spikevax)"),
        [(DccValueSet.VaccineProduct, "EU/1/21/1529")] = ("Vaxzevria", "Vaxzevria (AstraZeneca)"),
        [(DccValueSet.VaccineProduct, "EU/1/20/1525")] = ("COVID-19 Vaccine Janssen", "Vắc xin COVID-19 Janssen"),
        [(DccValueSet.VaccineProduct, "EU/1/21/1618")] = ("Nuvaxovid", "Nuvaxovid (Novavax)"),
        [(DccValueSet.VaccineProduct, "CVnCoV")] = ("CVnCoV", "CVnCoV"),
        [(DccValueSet.VaccineProduct, "Sputnik-V")] = ("Sputnik-V", "Sputnik V"),
        [(DccValueSet.VaccineProduct, "Convidecia")] = ("Convidecia", "Convidecia"),
        [(DccValueSet.VaccineProduct, "EpiVacCorona")] = ("EpiVacCorona", "EpiVacCorona"),
        [(DccValueSet.VaccineProduct, "BBIBP-CorV")] = ("BBIBP-CorV", "BBIBP-CorV (Sinopharm, Vero Cell)"),
        [(DccValueSet.VaccineProduct, "Inactivated-SARS-CoV-2-Vero-Cell")] = ("Inactivated SARS-CoV-2 (Vero Cell)", "Vắc xin bất hoạt SARS-CoV-2 (Vero Cell)"),
        [(DccValueSet.VaccineProduct, "CoronaVac")] = ("CoronaVac", "CoronaVac (Sinovac)"),
        [(DccValueSet.VaccineProduct, "Covaxin")] = ("Covaxin (also known as BBV152 A, B, C)", "Covaxin"),
        [(DccValueSet.VaccineProduct, "Covishield")] = ("Covishield (ChAdOx1_nCoV-19)", "Covishield"),
        [(DccValueSet.VaccineProduct, "Soberana-02")] = ("Soberana 02 FINLAY- FR-2 anti SARS-CoV-2 (COVID-19)", "Soberana 02"),
        [(DccValueSet.VaccineProduct, "Abdala")] = ("Abdala (CIGB-66)", "Abdala"),
        [(DccValueSet.VaccineManufacturer, "ORG-100001699")] = ("AstraZeneca AB", "AstraZeneca AB"),
        [(DccValueSet.VaccineManufacturer, "ORG-100030215")] = ("Biontech Manufacturing GmbH", "Biontech Manufacturing GmbH"),
        [(DccValueSet.VaccineManufacturer, "ORG-100001417")] = ("Janssen-Cilag International", "Janssen-Cilag International"),
        [(DccValueSet.VaccineManufacturer, "ORG-100031184")] = ("Moderna Biotech Spain S.L.", "Moderna Biotech Spain S.L."),
        [(DccValueSet.VaccineManufacturer, "ORG-100006270")] = ("Curevac AG", "Curevac AG"),
        [(DccValueSet.VaccineManufacturer, "ORG-100013793")] = ("CanSino Biologics", "CanSino Biologics"),
        [(DccValueSet.VaccineManufacturer, "ORG-100020693")] = ("China Sinopharm International Corp. - Beijing location", "Sinopharm (Bắc Kinh)"),
        [(DccValueSet.VaccineManufacturer, "ORG-100010771")] = ("Sinopharm Weiqida Europe Pharmaceutical s.r.o. - Prague location", "Sinopharm Weiqida (Praha)"),
        [(DccValueSet.VaccineManufacturer, "ORG-100024420")] = ("Sinopharm Zhijun (Shenzhen) Pharmaceutical Co. Ltd. - Shenzhen location", "Sinopharm Zhijun (Thâm Quyến)"),
        [(DccValueSet.VaccineManufacturer, "ORG-100032020")] = ("Novavax CZ AS", "Novavax CZ AS"),
        [(DccValueSet.VaccineManufacturer, "Gamaleya-Research-Institute")] = ("Gamaleya Research Institute", "Viện Gamaleya"),
        [(DccValueSet.VaccineManufacturer, "Vector-Institute")] = ("Vector Institute", "Viện Vector"),
        [(DccValueSet.VaccineManufacturer, "Sinovac-Biotech")] = ("Sinovac Biotech", "Sinovac Biotech"),
        [(DccValueSet.VaccineManufacturer, "Bharat-Biotech")] = ("Bharat Biotech", "Bharat Biotech"),
        [(DccValueSet.VaccineManufacturer, "CIGB")] = ("Centro de Ingeniería Genética y Biotecnología", "Trung tâm Kỹ thuật Di truyền và Công nghệ Sinh học (CIGB, Cuba)"),
        [(DccValueSet.VaccineManufacturer, "IFV")] = ("Instituto Finlay de Vacunas", "Viện Vắc xin Finlay (Cuba)"),
        [(DccValueSet.TestType, "LP6464-4")] = ("Nucleic acid amplification with probe detection", "Xét nghiệm khuếch đại axit nucleic (RT-PCR)"),
        [(DccValueSet.TestType, "LP217198-3")] = ("Rapid immunoassay", "Xét nghiệm nhanh kháng nguyên"),
        [(DccValueSet.TestResult, DccTest.NotDetected)] = ("Not detected", "Âm tính"),
        [(DccValueSet.TestResult, DccTest.Detected)] = ("Detected", "Dương tính"),
    };

    /// <summary>The name of a code.</summary>
    /// <param name="set">The value set.</param>
    /// <param name="code">The code, e.g. <c>EU/1/20/1528</c>.</param>
    /// <param name="language">The language of the name.</param>
    /// <returns>The name, or null when the code is not in the embedded set.</returns>
    public static string? NameOf(DccValueSet set, string? code, MessageLanguage language = MessageLanguage.English) =>
        code is not null && Names.TryGetValue((set, code), out var names) ? (language == MessageLanguage.Vietnamese ? names.Vietnamese : names.English) : null;

    /// <summary>The name of a code, or the code itself when it has none here.</summary>
    /// <param name="set">The value set.</param>
    /// <param name="code">The code.</param>
    /// <param name="language">The language of the name.</param>
    /// <returns>The name or the code.</returns>
    public static string Display(DccValueSet set, string code, MessageLanguage language = MessageLanguage.English) => NameOf(set, code, language) ?? code;

    /// <summary>Every code of a set, in no particular order.</summary>
    /// <param name="set">The value set.</param>
    /// <returns>The codes.</returns>
    public static IReadOnlyList<string> Codes(DccValueSet set) => Names.Keys.Where(k => k.Item1 == set).Select(k => k.Item2).ToList();
}
