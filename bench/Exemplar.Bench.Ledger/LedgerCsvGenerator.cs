using System.Text;
using Exemplar.Domain.Ledger;

namespace Exemplar.Bench.Ledger;

/// <summary>
/// A deterministic ledger CSV in the import template's layout (fixed seed, System.Random's seeded generator):
/// the mix a busy base records — one-to-one services for one resident (half named by code, half by name),
/// events and trainings for several residents and sometimes an outside company, fees mostly free.
/// </summary>
public static class LedgerCsvGenerator
{
    private static readonly string[] Places = ["基地一楼路演厅", "基地三楼会议室", "线上（腾讯会议）", "企业现场", "基地服务大厅"];
    private static readonly string[] Topics = ["", "", "", "展览展销", "银企对接", "融资知识讲座", "产品对接"];
    private static readonly string[] Fees = ["公益免费", "公益免费", "公益免费", "低收费", "市场收费"];

    public sealed record Resident(string Name, string Uscc, DateOnly Entry, DateOnly? Exit);

    public static long Write(string path, int rows, IReadOnlyList<Resident> residents, IReadOnlyList<string> partners, int seed)
    {
        var rng = new Random(seed);
        var functions = ServiceFunctions.Base.Select(ServiceFunctions.Label).ToArray();
        using var w = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 20);
        w.Write(ImportCsvWriter.Row(ImportLayout.Ledger.Columns.Select(c => c.Header)));
        var start = new DateOnly(2025, 1, 1);
        var line = new StringBuilder(256);
        for (var i = 0; i < rows; i++)
        {
            var function = functions[rng.Next(functions.Length)];
            var date = start.AddDays(rng.Next(365));
            var form = function == "人员培训" ? "培训" : rng.Next(4) == 0 ? "活动" : "一对一服务";
            var present = Present(residents, date, rng);
            var count = form == "一对一服务" ? 1 : 2 + rng.Next(4);
            line.Clear();
            line.Append(function).Append(',').Append(date.ToString("yyyy-MM-dd")).Append(',').Append(Places[rng.Next(Places.Length)]).Append(',')
                .Append(form).Append(',').Append(form == "一对一服务" ? "" : Topics[rng.Next(Topics.Length)]).Append(',');
            for (var k = 0; k < count; k++)
            {
                var r = present[(i + k * 7) % present.Count];
                if (k > 0) line.Append('、');
                line.Append(rng.Next(2) == 0 ? r.Uscc : r.Name);
            }
            line.Append(',').Append(form != "一对一服务" && rng.Next(3) == 0 ? "外部企业" + rng.Next(500) : "").Append(',')
                .Append(form == "一对一服务" ? 1 + rng.Next(3) : 10 + rng.Next(80)).Append(',').Append(Fees[rng.Next(Fees.Length)]).Append(',')
                .Append(rng.Next(5) == 0 ? partners[rng.Next(partners.Count)] : "").Append(',')
                .Append("企业提出的服务需求").Append(',').Append("完成服务第").Append(i).Append("项").Append(',').Append(rng.Next(10) == 0 ? "" : "满意").Append("\r\n");
            w.Write(line);
        }
        w.Flush();
        return w.BaseStream.Length;
    }

    private static List<Resident> Present(IReadOnlyList<Resident> residents, DateOnly date, Random rng)
    {
        var present = residents.Where(r => r.Entry <= date && (r.Exit is null || r.Exit >= date)).ToList();
        return present.Count > 0 ? present : [residents[rng.Next(residents.Count)]];
    }
}
