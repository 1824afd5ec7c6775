namespace CheckIn.Declarations;

/// <summary>Symptoms the declaration forms ask about.</summary>
public enum Symptom
{
    /// <summary>Fever (sốt). Both forms.</summary>
    Fever = 1,

    /// <summary>Cough (ho). Both forms.</summary>
    Cough = 2,

    /// <summary>Shortness of breath (khó thở). Both forms.</summary>
    ShortnessOfBreath = 3,

    /// <summary>Pneumonia (viêm phổi). Domestic form.</summary>
    Pneumonia = 4,

    /// <summary>Sore throat (đau họng). Both forms.</summary>
    SoreThroat = 5,

    /// <summary>Fatigue (mệt mỏi). Domestic form.</summary>
    Fatigue = 6,

    /// <summary>Nausea or vomiting (buồn nôn, nôn). Entry form.</summary>
    NauseaOrVomiting = 7,

    /// <summary>Diarrhoea (tiêu chảy). Entry form.</summary>
    Diarrhoea = 8,

    /// <summary>Bleeding under the skin (xuất huyết ngoài da). Entry form.</summary>
    SkinBleeding = 9,

    /// <summary>Rash (nổi ban ngoài da). Entry form.</summary>
    Rash = 10,
}

/// <summary>The exposure questions of the domestic form (last 14 days).</summary>
public enum DomesticExposure
{
    /// <summary>Contact with a COVID-19 patient or suspected case.</summary>
    ContactWithCase = 1,

    /// <summary>Contact with someone coming from a country with COVID-19.</summary>
    ContactWithTravellerFromAffectedCountry = 2,

    /// <summary>Contact with someone with fever, cough, shortness of breath or pneumonia.</summary>
    ContactWithSymptomaticPerson = 3,
}

/// <summary>The exposure questions of the entry form (last 14 days).</summary>
public enum EntryExposure
{
    /// <summary>Visited a live-animal farm, market or slaughterhouse.</summary>
    LiveAnimalFarmOrMarket = 1,

    /// <summary>Close contact (under 2 m) with a patient.</summary>
    CloseContactWithPatient = 2,
}

/// <summary>Chronic conditions earlier versions of the domestic form asked about.</summary>
public enum ChronicCondition
{
    /// <summary>Liver disease.</summary>
    LiverDisease = 1,

    /// <summary>Blood disease.</summary>
    BloodDisease = 2,

    /// <summary>Lung disease.</summary>
    LungDisease = 3,

    /// <summary>Kidney disease.</summary>
    KidneyDisease = 4,

    /// <summary>Heart disease.</summary>
    HeartDisease = 5,

    /// <summary>High blood pressure.</summary>
    HighBloodPressure = 6,

    /// <summary>HIV or immunodeficiency.</summary>
    HivOrImmunodeficiency = 7,

    /// <summary>Organ or bone-marrow transplant.</summary>
    Transplant = 8,

    /// <summary>Diabetes.</summary>
    Diabetes = 9,

    /// <summary>Cancer.</summary>
    Cancer = 10,

    /// <summary>Pregnancy.</summary>
    Pregnancy = 11,
}

/// <summary>How a traveller arrived.</summary>
public enum TravelMeans
{
    /// <summary>By air.</summary>
    Plane = 1,

    /// <summary>By sea.</summary>
    Ship = 2,

    /// <summary>By road.</summary>
    Car = 3,

    /// <summary>Any other way.</summary>
    Other = 4,
}

/// <summary>A COVID-19 test result declared on entry.</summary>
public enum TestResult
{
    /// <summary>Not tested.</summary>
    NotTested = 0,

    /// <summary>Negative.</summary>
    Negative = 1,

    /// <summary>Positive.</summary>
    Positive = 2,
}

/// <summary>The items of a venue's daily safety checklist (in the manner of the AntoanCovid self-assessment).</summary>
public enum SafetyCriterion
{
    /// <summary>Staff and visitors wear masks.</summary>
    MasksWorn = 1,

    /// <summary>Distance between people is kept.</summary>
    DistancingKept = 2,

    /// <summary>Hand sanitizer or a washbasin is available at the entrance.</summary>
    HandSanitizerAvailable = 3,

    /// <summary>Rooms are ventilated.</summary>
    Ventilated = 4,

    /// <summary>The venue's check-in code is posted where visitors enter.</summary>
    CheckInCodePosted = 5,

    /// <summary>Staff health is checked daily.</summary>
    StaffHealthMonitored = 6,

    /// <summary>Surfaces are disinfected.</summary>
    SurfacesDisinfected = 7,

    /// <summary>The number of visitors at once is limited.</summary>
    VisitorLimitKept = 8,
}
