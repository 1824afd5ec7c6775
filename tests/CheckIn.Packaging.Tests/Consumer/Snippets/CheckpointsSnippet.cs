using CheckIn.Checkpoints;
using CheckIn.Core;
using CheckIn.Core.Payloads;
using NodaTime;

namespace CheckIn.Consumer.Snippets;

internal static class CheckpointsSnippet
{
    public static void Run()
    {
        var now = Instant.FromUtc(2021, 12, 15, 3, 0);
        var scannedCard = PayloadReader.Read("079090001234||Nguyễn Văn An|17051990|Nam|Huế|01012021").Value;
        var lastDose = new LocalDate(2021, 10, 1);
        #region readme
        var evidence = new List<PassEvidence>(PassEvidence.FromPayload(scannedCard));   // a chip ID card, 1405 code, Hue-S card or vaccine passport
        evidence.Add(new VaccinationEvidence(lastDose, 2, 2, "EU/1/21/1529", EvidenceSource.Registry, Verified: true)); // the registry's answer
        evidence.Add(new DeclarationEvidence(now - Duration.FromHours(3), false, false, EvidenceSource.Registry, Verified: true));
        var decision = PassPolicy.Default.Decide(evidence, now);     // or PassPolicy.Default with { PcrValidity = Duration.FromHours(48) }
        Console.WriteLine(decision.Describe(MessageLanguage.Vietnamese)); // ĐƯỢC QUA: Đã kiểm tra danh tính; Đã tiêm đủ liều và qua đủ thời gian; …
        #endregion
    }
}
