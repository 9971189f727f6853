SELECT
  "t1"."label" AS "label",
  uniq("t1"."person") AS "people"
FROM (
  SELECT
    "t0"."unit" AS "unit",
    "t0"."person" AS "person",
    "t0"."ts" AS "ts",
    "t0"."seq" AS "seq",
    "t0"."label" AS "label",
    "t0"."event" AS "event",
    "t0"."channel" AS "channel",
    "t0"."value" AS "value",
    "t0"."properties" AS "properties",
    "t0"."label" IN ('order_completed') AS "converts"
  FROM "journey_events" AS "t0"
  WHERE
    isNotNull("t0"."label") AND isNotNull("t0"."person")
) AS "t1"
GROUP BY
  "t1"."label"
