using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Exemplar.Web.Infrastructure.Data.Migrations;

[DbContext(typeof(ExemplarDbContext))]
[Migration("20261121000000_Foundation")]
public sealed class Foundation : SqlFileMigration;
