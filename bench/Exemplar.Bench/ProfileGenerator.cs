using Exemplar.Domain.Policies;

namespace Exemplar.Bench;

/// <summary>Deterministic profiles around the programmes' thresholds (fixed seed), some facts left out.</summary>
public static class ProfileGenerator
{
    public static List<Profile> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var list = new List<Profile>(count);
        string[] functions = ["informationService", "entrepreneurshipCoaching", "innovationSupport", "training", "marketing", "financing", "managementConsulting", "professionalServices"];
        for (var i = 0; i < count; i++)
        {
            var facts = new Dictionary<string, Fact>(StringComparer.Ordinal);
            void Num(string key, int min, int max)
            {
                if (random.NextDouble() > 0.03)
                {
                    facts[key] = new Fact((decimal)random.Next(min, max + 1), random.NextDouble() < 0.5 ? "form" : "ledger");
                }
            }

            facts["carrierType"] = new Fact(random.NextDouble() < 0.9 ? "incubator" : "hardTechIncubator", "form");
            facts["locationDivisionCode"] = new Fact(random.NextDouble() < 0.3 ? "371502" : random.NextDouble() < 0.5 ? "110108" : "530102", "form");
            facts["baseFoundedOn"] = new Fact(new DateOnly(2018, 1, 1).AddDays(random.Next(0, 3000)), "form");
            facts["operatorSince"] = new Fact(new DateOnly(2018, 1, 1).AddDays(random.Next(0, 3000)), "form");
            facts["operatorFoundedOn"] = new Fact(new DateOnly(2015, 1, 1).AddDays(random.Next(0, 3000)), "form");
            facts["registrationDivisionCode"] = new Fact(random.NextDouble() < 0.3 ? "371502" : random.NextDouble() < 0.5 ? "110108" : "530102", "form");
            facts["baseType"] = new Fact(random.NextDouble() < 0.5 ? "manufacturing" : "producerServices", "form");
            facts["highEndManufacturingBase"] = new Fact(random.NextDouble() < 0.2, "form");
            Num("residentSmallMicroCount", 20, 80);
            facts["residentSmallMicroByRegistration"] = new Fact(new List<DivisionCount> { new("110108", random.Next(20, 80)), new("130100", random.Next(0, 10)) }, "ledger");
            Num("topTwoLeadingIndustryResidentCount", 30, 90);
            Num("residentTotalCount", 80, 120);
            Num("leadingIndustryResidentCount", 40, 100);
            Num("leadingIndustryCount", 1, 5);
            Num("smallMicroEmployeeCount", 300, 1500);
            Num("fullTimeServiceStaffCount", 4, 15);
            Num("fullTimeStaffBachelorOrIntermediateCount", 3, 12);
            Num("serviceStaffTotalCount", 8, 18);
            Num("serviceStaffBachelorOrIntermediateCount", 5, 14);
            Num("serviceStaffJuniorCollegeOrIntermediateCount", 6, 16);
            Num("mentorCount", 1, 5);
            Num("partnerAgencyCount", 1, 8);
            Num("freeOrLowFeeServiceVolume", 10, 40);
            Num("freeOrLowFeeVolumeToSmallMicro", 10, 35);
            Num("freeOrLowFeeVolumeToResidentSmallMicro", 10, 30);
            Num("totalServiceVolume", 100, 150);
            Num("residentSmallMicroSatisfactionPercent", 70, 99);
            Num("userSatisfactionPercent", 70, 99);
            Num("siteArea", 2000, 12000);
            Num("buildingArea", 3000, 8000);
            Num("publicServiceArea", 300, 800);
            Num("totalAssets", 50, 300);
            Num("enterprisesServedAnnual", 10, 40);
            foreach (var series in new[] { "residentSmallMicroSeries", "employeeSeries", "innovationOutputSeries", "enterprisesServedSeries" })
            {
                var first = random.Next(20, 200);
                facts[series] = new Fact(new List<YearValue> { new(2024, first), new(2025, first + random.Next(-5, first / 4 + 2)) }, "ledger");
            }

            facts["penalties"] = new Fact(random.NextDouble() < 0.1
                ? new List<Penalty> { new(new DateOnly(2024, 1, 1).AddDays(random.Next(0, 800)), "seriousAdministrative", null) }
                : new List<Penalty>(), "form");
            foreach (var f in functions)
            {
                Num(FactCatalogue.FunctionKey(f, "enterpriseVisits"), 5, 90);
                Num(FactCatalogue.FunctionKey(f, "events"), 0, 7);
                Num(FactCatalogue.FunctionKey(f, "personTimes"), 100, 700);
                facts[FactCatalogue.FunctionKey(f, "offered")] = new Fact(random.NextDouble() < 0.6, "form");
            }

            foreach (var a in FactCatalogue.Attestations)
            {
                facts[FactCatalogue.AttestationKey(a.Key)] = new Fact(new Attestation(random.NextDouble() < 0.95, ["证明.pdf"]), "form");
            }

            list.Add(new Profile(new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 30), facts, $"bench-{i}"));
        }

        return list;
    }
}
