using System.Globalization;
using System.Text.Json;
using Exemplar.Bench.Ledger;

namespace Exemplar.Bench.Registry;

/// <summary>
/// 10,000 designated bases, deterministic (every value from the row number alone), inserted set-based: one organisation,
/// one carrier (kind Base), one designation and one certificate record per base, across the seeded jurisdictions of the five
/// programmes. Other columns are copied from the demo data's own rows (what the product itself wrote), so nothing the schema
/// requires is invented here. Certificates carry the demo certificate's payload and signature: the registry reads only the number.
/// </summary>
public static class RegistryBaseGenerator
{
    public const string Marker = "（基准）";

    public static readonly string[] Industries =
        ["软件及信息技术服务", "研发设计", "新材料", "绿色食品", "文化旅游", "人工智能", "高端装备制造", "生物医药", "现代物流", "电子商务", "节能环保", "数字创意"];
    public static readonly string[] Words = ["智汇", "启航", "众创", "云谷", "创新港", "梦工场", "科创", "青创", "星火", "汇智", "翼展", "聚能"];
    public static readonly string[] Kinds = ["创业创新示范基地", "小微企业创业园", "科技企业孵化器", "众创空间", "中小企业公共服务平台"];

    /// <summary>(programme, jurisdiction code prefix, validity years or null) — 昆明 3 years (第十五条), 聊城 5 (第十六条),
    /// 西藏基地 3 (第十六条), 北京 and 西藏平台 none stated.</summary>
    public static readonly (string Programme, string Prefix, int? Years)[] Programmes =
    [
        ("kunming-base-2022", "5301", 3), ("liaocheng-base-2021", "3715", 5), ("xizang-base-2017", "54", 3), ("beijing-base", "11", null), ("xizang-platform-2022", "54", null),
    ];

    public static async Task<int> EnsureAsync(BenchDatabase db, int count)
    {
        var existing = Convert.ToInt32(await db.ScalarAsync($"SELECT count(*) FROM carriers WHERE name LIKE '%{Marker}'"), CultureInfo.InvariantCulture);
        if (existing == count) return 0;
        if (existing != 0) throw new InvalidOperationException($"{existing} generated bases already there, {count} asked: run with --fresh");
        var root = BenchDatabase.RepositoryRoot();
        var values = string.Join(",\n", Programmes.Select((p, i) =>
        {
            var version = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "policies", p.Programme + ".json"))).RootElement.GetProperty("version").GetString();
            return $"({i}, '{p.Programme}', '{version}', {(p.Years?.ToString(CultureInfo.InvariantCulture) ?? "NULL::int")}, '{p.Prefix}')";
        }));
        static string Array(string[] a) => "ARRAY[" + string.Join(",", a.Select(s => $"'{s}'")) + "]";
        var sql = $"""
            BEGIN;
            CREATE TEMP TABLE spec ON COMMIT DROP AS
            WITH prog(pi, programme_id, policy_version, years, prefix) AS (VALUES {values}),
                 codes AS (SELECT p.pi, array_agg(j.code ORDER BY j.code) AS codes, array_agg(j.name ORDER BY j.code) AS names
                           FROM prog p JOIN jurisdictions j ON j.code LIKE p.prefix || '%' AND j.code NOT LIKE '__0000' GROUP BY p.pi),
                 base AS (SELECT g AS i, p.programme_id, p.policy_version, p.years, c.codes, c.names,
                                 1 + (g * 7 + g / 5) % cardinality(c.codes) AS k,
                                 date '2018-03-01' + ((g * 7919) % 3140) AS announced_on
                          FROM generate_series(1, {count}) g JOIN prog p ON p.pi = g % 5 JOIN codes c ON c.pi = p.pi)
            SELECT i, programme_id, policy_version, codes[k] AS code, announced_on,
                   md5('bench-org-' || i)::uuid AS org_id, md5('bench-carrier-' || i)::uuid AS carrier_id,
                   md5('bench-designation-' || i)::uuid AS designation_id, md5('bench-certificate-' || i)::uuid AS certificate_id,
                   names[k] || ({Array(Words)})[1 + i % {Words.Length}] || ({Array(Kinds)})[1 + (i / 7) % {Kinds.Length}] || lpad(i::text, 5, '0') || '{Marker}' AS name,
                   CASE WHEN i % 3 = 0 THEN ARRAY[({Array(Industries)})[1 + i % {Industries.Length}], ({Array(Industries)})[1 + (i / 3 + 5) % {Industries.Length}]]
                        ELSE ARRAY[({Array(Industries)})[1 + i % {Industries.Length}]] END AS industries,
                   CASE WHEN years IS NULL THEN NULL ELSE (announced_on + make_interval(years => years) - interval '1 day')::date END AS valid_until,
                   CASE WHEN i % 97 = 0 THEN announced_on + 400 ELSE NULL END AS revoked_on
            FROM base;

            CREATE TEMP TABLE o ON COMMIT DROP AS SELECT t.*, s.i AS bench_i FROM (SELECT * FROM organizations ORDER BY name LIMIT 1) t CROSS JOIN spec s;
            UPDATE o SET id = s.org_id, name = replace(s.name, '{Marker}', '') || '运营有限公司{Marker}', jurisdiction_code = s.code,
                         uscc = '91' || lpad(s.i::text, 15, '0') || 'X', contact_name = NULL, contact_phone = NULL, address = NULL
              FROM spec s WHERE s.i = o.bench_i;
            ALTER TABLE o DROP COLUMN bench_i;
            INSERT INTO organizations SELECT * FROM o;

            CREATE TEMP TABLE c ON COMMIT DROP AS SELECT t.*, s.i AS bench_i FROM (SELECT * FROM carriers ORDER BY name LIMIT 1) t CROSS JOIN spec s;
            UPDATE c SET id = s.carrier_id, organization_id = s.org_id, name = s.name, jurisdiction_code = s.code, leading_industries = s.industries,
                         kind = (SELECT kind FROM carriers x JOIN designations y ON y.carrier_id = x.id LIMIT 1)
              FROM spec s WHERE s.i = c.bench_i;
            ALTER TABLE c DROP COLUMN bench_i;
            INSERT INTO carriers SELECT * FROM c;

            CREATE TEMP TABLE d ON COMMIT DROP AS SELECT t.*, s.i AS bench_i FROM (SELECT * FROM designations ORDER BY announced_on LIMIT 1) t CROSS JOIN spec s;
            UPDATE d SET id = s.designation_id, carrier_id = s.carrier_id, programme_id = s.programme_id, policy_version = s.policy_version,
                         announcement_number = '基准发〔' || date_part('year', s.announced_on) || '〕' || s.i || '号', announced_on = s.announced_on,
                         valid_from = s.announced_on, valid_until = s.valid_until, revoked_on = s.revoked_on,
                         revocation_citation = CASE WHEN s.revoked_on IS NULL THEN NULL ELSE '基准数据' END,
                         re_review_application_id = NULL, reapply_banned_until = NULL, plaque_awarded_on = NULL
              FROM spec s WHERE s.i = d.bench_i;
            ALTER TABLE d DROP COLUMN bench_i;
            INSERT INTO designations SELECT * FROM d;

            CREATE TEMP TABLE x ON COMMIT DROP AS SELECT t.*, s.i AS bench_i FROM (SELECT * FROM certificates ORDER BY number LIMIT 1) t CROSS JOIN spec s;
            UPDATE x SET id = s.certificate_id, designation_id = s.designation_id, number = 'JZ-' || date_part('year', s.announced_on) || '-' || lpad(s.i::text, 5, '0'),
                         issued_on = s.announced_on
              FROM spec s WHERE s.i = x.bench_i;
            ALTER TABLE x DROP COLUMN bench_i;
            INSERT INTO certificates SELECT * FROM x;
            COMMIT;
            ANALYZE organizations; ANALYZE carriers; ANALYZE designations; ANALYZE certificates;
            """;
        await db.ExecuteAsync(sql);
        return count;
    }
}
