using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Exemplar.Web.Infrastructure.Data.Migrations;

[DbContext(typeof(ExemplarDbContext))]
[Migration("20261121050000_Surveys")]
public sealed class Surveys : SqlFileMigration;
