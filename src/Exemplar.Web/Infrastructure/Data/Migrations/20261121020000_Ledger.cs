using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Exemplar.Web.Infrastructure.Data.Migrations;

[DbContext(typeof(ExemplarDbContext))]
[Migration("20261121020000_Ledger")]
public sealed class Ledger : SqlFileMigration;
