using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Exemplar.Web.Infrastructure.Data.Migrations;

[DbContext(typeof(ExemplarDbContext))]
[Migration("20261121030000_Policies")]
public sealed class Policies : SqlFileMigration;
