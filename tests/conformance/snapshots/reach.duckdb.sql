SELECT
  "t1"."label",
  COUNT(DISTINCT "t1"."person") AS "people"
FROM (
  SELECT
    "t0"."unit",
    "t0"."person",
    "t0"."ts",
    "t0"."seq",
    "t0"."label",
    "t0"."event",
    "t0"."channel",
    "t0"."value",
    "t0"."properties",
    "t0"."label" IN ('order_completed') AS "converts"
  FROM "journey_events" AS "t0"
  WHERE
    "t0"."label" IS NOT NULL AND "t0"."person" IS NOT NULL
) AS "t1"
GROUP BY
  1
