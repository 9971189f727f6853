SELECT
  *
FROM (
  SELECT
    "t3"."label" AS "label",
    SUM(CASE WHEN "t3"."position" = 1 THEN 1 ELSE 0 END) AS "starts",
    SUM(CASE WHEN "t3"."position" = "t3"."_steps" THEN 1 ELSE 0 END) AS "ends"
  FROM (
    SELECT
      "t2"."unit" AS "unit",
      "t2"."person" AS "person",
      "t2"."ts" AS "ts",
      "t2"."seq" AS "seq",
      "t2"."label" AS "label",
      "t2"."event" AS "event",
      "t2"."channel" AS "channel",
      "t2"."value" AS "value",
      "t2"."properties" AS "properties",
      "t2"."position" AS "position",
      MAX("t2"."position") OVER (PARTITION BY "t2"."unit" ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "_steps"
    FROM (
      SELECT
        "t1"."unit" AS "unit",
        "t1"."person" AS "person",
        "t1"."ts" AS "ts",
        "t1"."seq" AS "seq",
        "t1"."label" AS "label",
        "t1"."event" AS "event",
        "t1"."channel" AS "channel",
        "t1"."value" AS "value",
        "t1"."properties" AS "properties",
        (
          ROW_NUMBER() OVER (
            PARTITION BY "t1"."unit"
            ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) - 1
        ) + 1 AS "position"
      FROM (
        SELECT
          "t0"."unit" AS "unit",
          "t0"."person" AS "person",
          "t0"."ts" AS "ts",
          "t0"."seq" AS "seq",
          COALESCE("t0"."label", '(unmapped)') AS "label",
          "t0"."event" AS "event",
          "t0"."channel" AS "channel",
          "t0"."value" AS "value",
          "t0"."properties" AS "properties"
        FROM "journey_events" AS "t0"
        WHERE
          isNotNull("t0"."unit")
      ) AS "t1"
    ) AS "t2"
  ) AS "t3"
  GROUP BY
    "t3"."label"
) AS "t4"
WHERE
  (
    "t4"."starts" > 0
  ) OR (
    "t4"."ends" > 0
  )
ORDER BY
  "t4"."label" ASC
