WITH "t2" AS (
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
), "t5" AS (
  SELECT
    "t3"."unit" AS "unit",
    argMin(tuple("t3"."label"), "t3"."position").1 AS "_first",
    argMax(tuple("t3"."label"), "t3"."position").1 AS "_last"
  FROM "t2" AS "t3"
  GROUP BY
    "t3"."unit"
)
SELECT
  *
FROM (
  SELECT
    "t6"."label" AS "label",
    "t6"."units" AS "units",
    COALESCE("t13"."_starts", 0) AS "starts",
    COALESCE("t13"."_ends", 0) AS "ends"
  FROM (
    SELECT
      "t3"."label" AS "label",
      uniq("t3"."unit") AS "units"
    FROM "t2" AS "t3"
    GROUP BY
      "t3"."label"
  ) AS "t6"
  LEFT OUTER JOIN (
    SELECT
      "t11"."label" AS "_label",
      "t11"."_starts" AS "_starts",
      "t11"."_ends" AS "_ends"
    FROM (
      SELECT
        "t10"."label" AS "label",
        SUM("t10"."_s") AS "_starts",
        SUM("t10"."_e") AS "_ends"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t7"."_first" AS "label",
            1 AS "_s",
            0 AS "_e"
          FROM "t5" AS "t7"
        ) AS "t8"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t7"."_last" AS "label",
            0 AS "_s",
            1 AS "_e"
          FROM "t5" AS "t7"
        ) AS "t9"
      ) AS "t10"
      GROUP BY
        "t10"."label"
    ) AS "t11"
  ) AS "t13"
    ON "t6"."label" = "t13"."_label"
) AS "t14"
ORDER BY
  "t14"."label" ASC
