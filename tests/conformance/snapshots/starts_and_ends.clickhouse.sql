WITH "t3" AS (
  SELECT
    "t2"."unit" AS "unit",
    argMin(tuple("t2"."label"), "t2"."position").1 AS "_first",
    argMax(tuple("t2"."label"), "t2"."position").1 AS "_last"
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
  GROUP BY
    "t2"."unit"
)
SELECT
  *
FROM (
  SELECT
    "t7"."label" AS "label",
    SUM("t7"."_s") AS "starts",
    SUM("t7"."_e") AS "ends"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t4"."_first" AS "label",
        1 AS "_s",
        0 AS "_e"
      FROM "t3" AS "t4"
    ) AS "t5"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        "t4"."_last" AS "label",
        0 AS "_s",
        1 AS "_e"
      FROM "t3" AS "t4"
    ) AS "t6"
  ) AS "t7"
  GROUP BY
    "t7"."label"
) AS "t8"
ORDER BY
  "t8"."label" ASC
