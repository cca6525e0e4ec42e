using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Exemplar.Web.Infrastructure.Data.Migrations;

[DbContext(typeof(ExemplarDbContext))]
[Migration("20261121010000_Calendar")]
public sealed class Calendar : SqlFileMigration;
