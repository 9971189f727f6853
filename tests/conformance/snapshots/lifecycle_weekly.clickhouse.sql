WITH "t1" AS (
  SELECT DISTINCT
    "t0"."unit" AS "unit",
    CAST(FLOOR(
      (
        DATE_DIFF(
          MICROSECOND,
          CAST(parseDateTimeBestEffort('2026-01-05T00:00:00') AS Nullable(DateTime64(6))),
          "t0"."ts"
        )
      ) / (
        604800000000
      )
    ) AS Nullable(Int64)) AS "_k"
  FROM "journey_events" AS "t0"
  WHERE
    isNotNull("t0"."unit")
), "t5" AS (
  SELECT
    "t2"."unit" AS "unit",
    "t2"."_k" AS "_k",
    ROW_NUMBER() OVER (
      PARTITION BY "t2"."unit"
      ORDER BY "t2"."_k" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) - 1 AS "_rn",
    lagInFrame("t2"."_k") OVER (
      PARTITION BY "t2"."unit"
      ORDER BY "t2"."_k" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS "_previous",
    MAX("t2"."_k") OVER (PARTITION BY "t2"."unit" ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "_last"
  FROM "t1" AS "t2"
)
SELECT
  CAST(parseDateTimeBestEffort('2026-01-05T00:00:00') AS Nullable(DateTime64(6))) + INTERVAL ("t15"."_p" * 604800) SECOND AS "period",
  "t15"."new" + "t15"."returning" + "t15"."resurrecting" AS "active",
  "t15"."new" AS "new",
  "t15"."returning" AS "returning",
  "t15"."resurrecting" AS "resurrecting",
  "t15"."dormant" AS "dormant"
FROM (
  SELECT
    "t14"."_p" AS "_p",
    "t14"."new" AS "new",
    "t14"."returning" AS "returning",
    "t14"."resurrecting" AS "resurrecting",
    "t14"."dormant" AS "dormant",
    "t4"."_end" AS "_end"
  FROM (
    SELECT
      "t12"."_p" AS "_p",
      SUM("t12"."new") AS "new",
      SUM("t12"."returning") AS "returning",
      SUM("t12"."resurrecting") AS "resurrecting",
      SUM("t12"."dormant") AS "dormant"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t6"."_k" AS "_p",
          CASE WHEN "t6"."_rn" = 0 THEN 1 ELSE 0 END AS "new",
          CASE
            WHEN NOT (
              "t6"."_rn" = 0
            ) AND (
              "t6"."_previous" = (
                "t6"."_k" - 1
              )
            )
            THEN 1
            ELSE 0
          END AS "returning",
          CASE
            WHEN NOT (
              "t6"."_rn" = 0
            ) AND (
              "t6"."_previous" < (
                "t6"."_k" - 1
              )
            )
            THEN 1
            ELSE 0
          END AS "resurrecting",
          0 AS "dormant"
        FROM "t5" AS "t6"
      ) AS "t10"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t9"."_p" AS "_p",
          0 AS "new",
          0 AS "returning",
          0 AS "resurrecting",
          1 AS "dormant"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "t6"."_previous" + 1 AS "_p"
            FROM "t5" AS "t6"
            WHERE
              NOT (
                "t6"."_rn" = 0
              ) AND "t6"."_previous" < (
                "t6"."_k" - 1
              )
          ) AS "t8"
          UNION ALL
          SELECT
            *
          FROM (
            SELECT
              "t6"."_k" + 1 AS "_p"
            FROM "t5" AS "t6"
            WHERE
              "t6"."_k" = "t6"."_last"
          ) AS "t7"
        ) AS "t9"
      ) AS "t11"
    ) AS "t12"
    GROUP BY
      "t12"."_p"
  ) AS "t14"
  CROSS JOIN (
    SELECT
      MAX("t2"."_k") AS "_end"
    FROM "t1" AS "t2"
  ) AS "t4"
) AS "t15"
WHERE
  "t15"."_p" <= "t15"."_end"
