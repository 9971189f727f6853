SELECT
  "t0"."unit" AS "unit",
  "t0"."seq" AS "seq",
  ROW_NUMBER() OVER (
    PARTITION BY "t0"."unit"
    ORDER BY "t0"."ts" ASC, "t0"."seq" ASC
    ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
  ) - 1 AS "step",
  DATE_DIFF(
    MICROSECOND,
    lagInFrame("t0"."ts") OVER (
      PARTITION BY "t0"."unit"
      ORDER BY "t0"."ts" ASC, "t0"."seq" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ),
    "t0"."ts"
  ) AS "gap_us"
FROM "journey_events" AS "t0"
