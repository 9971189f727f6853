WITH "t10" AS (
  SELECT
    "t2"."seq" AS "seq",
    "t2"."response_id" AS "response_id",
    "t2"."person" AS "person",
    "t2"."ts" AS "ts",
    "t2"."metric" AS "metric",
    "t2"."score" AS "score",
    "t2"."scale_min" AS "scale_min",
    "t2"."scale_max" AS "scale_max",
    "t2"."touchpoint" AS "touchpoint",
    "t2"."stage" AS "stage",
    "t2"."channel" AS "channel",
    "t2"."link" AS "link",
    "t2"."known_person" AS "known_person",
    "t2"."problem" AS "problem",
    "t2"."satisfaction" AS "satisfaction",
    "t2"."emotion" AS "emotion",
    ROW_NUMBER() OVER (
      PARTITION BY "t2"."person"
      ORDER BY "t2"."ts" DESC, "t2"."seq" DESC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) - 1 AS "_rank"
  FROM (
    SELECT
      *
    FROM "answers" AS "t0"
    WHERE
      isNull("t0"."problem") AND isNotNull("t0"."person") AND "t0"."metric" = 'nps'
  ) AS "t2"
), "t26" AS (
  SELECT
    "t25"."place" AS "place",
    "t25"."person" AS "person",
    AVG("t25"."satisfaction") AS "_x",
    MAX("t25"."_y") AS "_y"
  FROM (
    SELECT
      "t24"."seq" AS "seq",
      "t24"."response_id" AS "response_id",
      "t24"."person" AS "person",
      "t24"."ts" AS "ts",
      "t24"."metric" AS "metric",
      "t24"."score" AS "score",
      "t24"."scale_min" AS "scale_min",
      "t24"."scale_max" AS "scale_max",
      "t24"."touchpoint" AS "touchpoint",
      "t24"."stage" AS "stage",
      "t24"."channel" AS "channel",
      "t24"."link" AS "link",
      "t24"."known_person" AS "known_person",
      "t24"."problem" AS "problem",
      "t24"."satisfaction" AS "satisfaction",
      "t24"."emotion" AS "emotion",
      "t24"."place" AS "place",
      "t24"."_o_person" AS "_o_person",
      "t24"."nps" AS "nps",
      "t24"."nps_ts" AS "nps_ts",
      "t24"."first_buy" AS "first_buy",
      "t24"."last_buy" AS "last_buy",
      "t24"."converted_at" AS "converted_at",
      "t24"."nps" AS "_y"
    FROM (
      SELECT
        "t7"."seq" AS "seq",
        "t7"."response_id" AS "response_id",
        "t7"."person" AS "person",
        "t7"."ts" AS "ts",
        "t7"."metric" AS "metric",
        "t7"."score" AS "score",
        "t7"."scale_min" AS "scale_min",
        "t7"."scale_max" AS "scale_max",
        "t7"."touchpoint" AS "touchpoint",
        "t7"."stage" AS "stage",
        "t7"."channel" AS "channel",
        "t7"."link" AS "link",
        "t7"."known_person" AS "known_person",
        "t7"."problem" AS "problem",
        "t7"."satisfaction" AS "satisfaction",
        "t7"."emotion" AS "emotion",
        "t7"."place" AS "place",
        "t23"."_o_person" AS "_o_person",
        "t23"."nps" AS "nps",
        "t23"."nps_ts" AS "nps_ts",
        "t23"."first_buy" AS "first_buy",
        "t23"."last_buy" AS "last_buy",
        "t23"."converted_at" AS "converted_at"
      FROM (
        SELECT
          "t0"."seq" AS "seq",
          "t0"."response_id" AS "response_id",
          "t0"."person" AS "person",
          "t0"."ts" AS "ts",
          "t0"."metric" AS "metric",
          "t0"."score" AS "score",
          "t0"."scale_min" AS "scale_min",
          "t0"."scale_max" AS "scale_max",
          "t0"."touchpoint" AS "touchpoint",
          "t0"."stage" AS "stage",
          "t0"."channel" AS "channel",
          "t0"."link" AS "link",
          "t0"."known_person" AS "known_person",
          "t0"."problem" AS "problem",
          "t0"."satisfaction" AS "satisfaction",
          "t0"."emotion" AS "emotion",
          COALESCE("t0"."touchpoint", "t0"."stage") AS "place"
        FROM "answers" AS "t0"
        WHERE
          isNull("t0"."problem")
          AND "t0"."metric" <> 'nps'
          AND isNotNull(COALESCE("t0"."touchpoint", "t0"."stage"))
          AND isNotNull("t0"."person")
      ) AS "t7"
      INNER JOIN (
        SELECT
          "t21"."person" AS "_o_person",
          "t21"."nps" AS "nps",
          "t21"."nps_ts" AS "nps_ts",
          "t21"."first_buy" AS "first_buy",
          "t21"."last_buy" AS "last_buy",
          "t21"."converted_at" AS "converted_at"
        FROM (
          SELECT
            "t20"."person" AS "person",
            "t17"."nps" AS "nps",
            "t17"."nps_ts" AS "nps_ts",
            "t14"."first_buy" AS "first_buy",
            "t14"."last_buy" AS "last_buy",
            "t14"."converted_at" AS "converted_at"
          FROM (
            SELECT DISTINCT
              *
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t1"."person" AS "person"
                FROM "journey_events" AS "t1"
                WHERE
                  isNotNull("t1"."person") AND isNotNull("t1"."label")
              ) AS "t3"
              UNION ALL
              SELECT
                *
              FROM (
                SELECT
                  "t12"."person" AS "person"
                FROM "t10" AS "t12"
                WHERE
                  "t12"."_rank" = 0
              ) AS "t16"
            ) AS "t18"
          ) AS "t20"
          LEFT OUTER JOIN (
            SELECT
              "t11"."person" AS "_b_person",
              "t11"."first_buy" AS "first_buy",
              "t11"."last_buy" AS "last_buy",
              "t11"."converted_at" AS "converted_at"
            FROM (
              SELECT
                "t4"."person" AS "person",
                MIN(CASE WHEN "t4"."label" IN ('checkout', 'till') THEN "t4"."ts" ELSE NULL END) AS "first_buy",
                MAX(CASE WHEN "t4"."label" IN ('checkout', 'till') THEN "t4"."ts" ELSE NULL END) AS "last_buy",
                MIN(CASE WHEN "t4"."label" IN ('checkout') THEN "t4"."ts" ELSE NULL END) AS "converted_at"
              FROM (
                SELECT
                  *
                FROM "journey_events" AS "t1"
                WHERE
                  isNotNull("t1"."person") AND isNotNull("t1"."label")
              ) AS "t4"
              GROUP BY
                "t4"."person"
            ) AS "t11"
          ) AS "t14"
            ON "t20"."person" = "t14"."_b_person"
          LEFT OUTER JOIN (
            SELECT
              "t12"."person" AS "_n_person",
              "t12"."score" AS "nps",
              "t12"."ts" AS "nps_ts"
            FROM "t10" AS "t12"
            WHERE
              "t12"."_rank" = 0
          ) AS "t17"
            ON "t20"."person" = "t17"."_n_person"
        ) AS "t21"
      ) AS "t23"
        ON "t7"."person" = "t23"."_o_person"
    ) AS "t24"
    WHERE
      isNotNull("t24"."nps") AND COALESCE("t24"."ts" <= "t24"."nps_ts", FALSE)
  ) AS "t25"
  GROUP BY
    "t25"."place",
    "t25"."person"
), "t29" AS (
  SELECT
    "t27"."place" AS "place",
    COUNT(*) AS "people",
    AVG("t27"."_x") AS "mean_x",
    AVG("t27"."_y") AS "mean_y",
    (
      MIN("t27"."_x") < MAX("t27"."_x")
    )
    AND (
      MIN("t27"."_y") < MAX("t27"."_y")
    ) AS "_varies"
  FROM "t26" AS "t27"
  GROUP BY
    "t27"."place"
)
SELECT
  "t9"."place" AS "place",
  "t9"."answers" AS "answers",
  "t9"."performance" AS "performance",
  COALESCE("t40"."people", 0) AS "people",
  "t40"."correlation" AS "correlation"
FROM (
  SELECT
    "t5"."place" AS "place",
    COUNT(*) AS "answers",
    AVG("t5"."satisfaction") AS "performance"
  FROM (
    SELECT
      "t0"."seq" AS "seq",
      "t0"."response_id" AS "response_id",
      "t0"."person" AS "person",
      "t0"."ts" AS "ts",
      "t0"."metric" AS "metric",
      "t0"."score" AS "score",
      "t0"."scale_min" AS "scale_min",
      "t0"."scale_max" AS "scale_max",
      "t0"."touchpoint" AS "touchpoint",
      "t0"."stage" AS "stage",
      "t0"."channel" AS "channel",
      "t0"."link" AS "link",
      "t0"."known_person" AS "known_person",
      "t0"."problem" AS "problem",
      "t0"."satisfaction" AS "satisfaction",
      "t0"."emotion" AS "emotion",
      COALESCE("t0"."touchpoint", "t0"."stage") AS "place"
    FROM "answers" AS "t0"
    WHERE
      isNull("t0"."problem")
      AND "t0"."metric" <> 'nps'
      AND isNotNull(COALESCE("t0"."touchpoint", "t0"."stage"))
  ) AS "t5"
  GROUP BY
    "t5"."place"
) AS "t9"
LEFT OUTER JOIN (
  SELECT
    "t38"."place" AS "_c_place",
    "t38"."people" AS "people",
    "t38"."correlation" AS "correlation"
  FROM (
    SELECT
      "t31"."place" AS "place",
      "t31"."people" AS "people",
      "t31"."mean_x" AS "mean_x",
      "t31"."mean_y" AS "mean_y",
      CASE
        WHEN (
          "t31"."people" >= 2
        ) AND "t31"."_varies"
        THEN CASE
          WHEN (
            "t37"."_sxy" / nullIf(SQRT("t37"."_sxx" * "t37"."_syy"), 0.0)
          ) > 1.0
          THEN 1.0
          ELSE CASE
            WHEN (
              "t37"."_sxy" / nullIf(SQRT("t37"."_sxx" * "t37"."_syy"), 0.0)
            ) < -1.0
            THEN -1.0
            ELSE "t37"."_sxy" / nullIf(SQRT("t37"."_sxx" * "t37"."_syy"), 0.0)
          END
        END
        ELSE CAST(NULL AS Nullable(Float64))
      END AS "correlation"
    FROM "t29" AS "t31"
    INNER JOIN (
      SELECT
        "t35"."place" AS "_s_by",
        "t35"."_sxy" AS "_sxy",
        "t35"."_sxx" AS "_sxx",
        "t35"."_syy" AS "_syy"
      FROM (
        SELECT
          "t34"."place" AS "place",
          SUM((
            "t34"."_x" - "t34"."_mx"
          ) * (
            "t34"."_y" - "t34"."_my"
          )) AS "_sxy",
          SUM((
            "t34"."_x" - "t34"."_mx"
          ) * (
            "t34"."_x" - "t34"."_mx"
          )) AS "_sxx",
          SUM((
            "t34"."_y" - "t34"."_my"
          ) * (
            "t34"."_y" - "t34"."_my"
          )) AS "_syy"
        FROM (
          SELECT
            "t28"."place" AS "place",
            "t28"."person" AS "person",
            "t28"."_x" AS "_x",
            "t28"."_y" AS "_y",
            "t33"."_m_by" AS "_m_by",
            "t33"."_mx" AS "_mx",
            "t33"."_my" AS "_my"
          FROM "t26" AS "t28"
          INNER JOIN (
            SELECT
              "t30"."place" AS "_m_by",
              "t30"."mean_x" AS "_mx",
              "t30"."mean_y" AS "_my"
            FROM "t29" AS "t30"
          ) AS "t33"
            ON "t28"."place" = "t33"."_m_by"
        ) AS "t34"
        GROUP BY
          "t34"."place"
      ) AS "t35"
    ) AS "t37"
      ON "t31"."place" = "t37"."_s_by"
  ) AS "t38"
) AS "t40"
  ON "t9"."place" = "t40"."_c_place"
