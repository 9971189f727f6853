SELECT
  "t25"."group" AS "group",
  "t25"."answers" AS "answers",
  (
    CAST("t25"."nps_promoters" - "t25"."nps_detractors" AS Nullable(Float64)) * 100.0
  ) / nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0) AS "nps",
  "t25"."nps_n" AS "nps_n",
  "t25"."nps_n" < 30 AS "nps_low",
  CASE
    WHEN CASE
      WHEN (
        (
          (
            CAST("t25"."nps_promoters" - "t25"."nps_detractors" AS Nullable(Float64)) * 100.0
          ) / nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0)
        ) - (
          SQRT(
            CAST((
              "t25"."nps_n" * (
                "t25"."nps_promoters" + "t25"."nps_detractors"
              )
            ) - (
              (
                "t25"."nps_promoters" - "t25"."nps_detractors"
              ) * (
                "t25"."nps_promoters" - "t25"."nps_detractors"
              )
            ) AS Nullable(Float64)) / (
              nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0) * nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0) * nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0)
            )
          ) * 195.9963984540054
        )
      ) < -100.0
      THEN -100.0
      ELSE (
        (
          CAST("t25"."nps_promoters" - "t25"."nps_detractors" AS Nullable(Float64)) * 100.0
        ) / nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0)
      ) - (
        SQRT(
          CAST((
            "t25"."nps_n" * (
              "t25"."nps_promoters" + "t25"."nps_detractors"
            )
          ) - (
            (
              "t25"."nps_promoters" - "t25"."nps_detractors"
            ) * (
              "t25"."nps_promoters" - "t25"."nps_detractors"
            )
          ) AS Nullable(Float64)) / (
            nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0) * nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0) * nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0)
          )
        ) * 195.9963984540054
      )
    END > 100.0
    THEN 100.0
    ELSE CASE
      WHEN (
        (
          (
            CAST("t25"."nps_promoters" - "t25"."nps_detractors" AS Nullable(Float64)) * 100.0
          ) / nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0)
        ) - (
          SQRT(
            CAST((
              "t25"."nps_n" * (
                "t25"."nps_promoters" + "t25"."nps_detractors"
              )
            ) - (
              (
                "t25"."nps_promoters" - "t25"."nps_detractors"
              ) * (
                "t25"."nps_promoters" - "t25"."nps_detractors"
              )
            ) AS Nullable(Float64)) / (
              nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0) * nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0) * nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0)
            )
          ) * 195.9963984540054
        )
      ) < -100.0
      THEN -100.0
      ELSE (
        (
          CAST("t25"."nps_promoters" - "t25"."nps_detractors" AS Nullable(Float64)) * 100.0
        ) / nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0)
      ) - (
        SQRT(
          CAST((
            "t25"."nps_n" * (
              "t25"."nps_promoters" + "t25"."nps_detractors"
            )
          ) - (
            (
              "t25"."nps_promoters" - "t25"."nps_detractors"
            ) * (
              "t25"."nps_promoters" - "t25"."nps_detractors"
            )
          ) AS Nullable(Float64)) / (
            nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0) * nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0) * nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0)
          )
        ) * 195.9963984540054
      )
    END
  END AS "nps_ci_low",
  CASE
    WHEN CASE
      WHEN (
        (
          (
            CAST("t25"."nps_promoters" - "t25"."nps_detractors" AS Nullable(Float64)) * 100.0
          ) / nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0)
        ) + (
          SQRT(
            CAST((
              "t25"."nps_n" * (
                "t25"."nps_promoters" + "t25"."nps_detractors"
              )
            ) - (
              (
                "t25"."nps_promoters" - "t25"."nps_detractors"
              ) * (
                "t25"."nps_promoters" - "t25"."nps_detractors"
              )
            ) AS Nullable(Float64)) / (
              nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0) * nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0) * nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0)
            )
          ) * 195.9963984540054
        )
      ) < -100.0
      THEN -100.0
      ELSE (
        (
          CAST("t25"."nps_promoters" - "t25"."nps_detractors" AS Nullable(Float64)) * 100.0
        ) / nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0)
      ) + (
        SQRT(
          CAST((
            "t25"."nps_n" * (
              "t25"."nps_promoters" + "t25"."nps_detractors"
            )
          ) - (
            (
              "t25"."nps_promoters" - "t25"."nps_detractors"
            ) * (
              "t25"."nps_promoters" - "t25"."nps_detractors"
            )
          ) AS Nullable(Float64)) / (
            nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0) * nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0) * nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0)
          )
        ) * 195.9963984540054
      )
    END > 100.0
    THEN 100.0
    ELSE CASE
      WHEN (
        (
          (
            CAST("t25"."nps_promoters" - "t25"."nps_detractors" AS Nullable(Float64)) * 100.0
          ) / nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0)
        ) + (
          SQRT(
            CAST((
              "t25"."nps_n" * (
                "t25"."nps_promoters" + "t25"."nps_detractors"
              )
            ) - (
              (
                "t25"."nps_promoters" - "t25"."nps_detractors"
              ) * (
                "t25"."nps_promoters" - "t25"."nps_detractors"
              )
            ) AS Nullable(Float64)) / (
              nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0) * nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0) * nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0)
            )
          ) * 195.9963984540054
        )
      ) < -100.0
      THEN -100.0
      ELSE (
        (
          CAST("t25"."nps_promoters" - "t25"."nps_detractors" AS Nullable(Float64)) * 100.0
        ) / nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0)
      ) + (
        SQRT(
          CAST((
            "t25"."nps_n" * (
              "t25"."nps_promoters" + "t25"."nps_detractors"
            )
          ) - (
            (
              "t25"."nps_promoters" - "t25"."nps_detractors"
            ) * (
              "t25"."nps_promoters" - "t25"."nps_detractors"
            )
          ) AS Nullable(Float64)) / (
            nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0) * nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0) * nullIf(CAST("t25"."nps_n" AS Nullable(Float64)), 0.0)
          )
        ) * 195.9963984540054
      )
    END
  END AS "nps_ci_high",
  "t25"."nps_promoters" AS "nps_promoters",
  "t25"."nps_detractors" AS "nps_detractors",
  "t25"."csat_satisfied" / nullIf("t25"."csat_n", 0) AS "csat",
  "t25"."csat_n" AS "csat_n",
  "t25"."csat_n" < 30 AS "csat_low",
  "t25"."_csat_sum" / nullIf("t25"."csat_n", 0) AS "csat_mean",
  "t25"."csat_satisfied" AS "csat_satisfied",
  "t25"."_ces_sum" / nullIf(CAST("t25"."ces_n" AS Nullable(Float64)), 0.0) AS "ces",
  "t25"."ces_n" AS "ces_n",
  "t25"."ces_n" < 30 AS "ces_low",
  CASE
    WHEN "t25"."ces_n" >= 2
    THEN SQRT(
      CASE
        WHEN (
          (
            (
              CAST("t25"."ces_n" AS Nullable(Float64)) * "t25"."_ces_sq"
            ) - (
              "t25"."_ces_sum" * "t25"."_ces_sum"
            )
          ) / nullIf(
            CAST("t25"."ces_n" AS Nullable(Float64)) * (
              CAST("t25"."ces_n" AS Nullable(Float64)) - 1.0
            ),
            0.0
          )
        ) < 0.0
        THEN 0.0
        ELSE (
          (
            CAST("t25"."ces_n" AS Nullable(Float64)) * "t25"."_ces_sq"
          ) - (
            "t25"."_ces_sum" * "t25"."_ces_sum"
          )
        ) / nullIf(
          CAST("t25"."ces_n" AS Nullable(Float64)) * (
            CAST("t25"."ces_n" AS Nullable(Float64)) - 1.0
          ),
          0.0
        )
      END
    )
    ELSE CAST(NULL AS Nullable(Float64))
  END AS "ces_sd",
  "t25"."ces_easy_n" / nullIf("t25"."ces_n", 0) AS "ces_easy",
  "t25"."ces_easy_n" AS "ces_easy_n",
  "t25"."_rating_sum" / nullIf(CAST("t25"."rating_n" AS Nullable(Float64)), 0.0) AS "rating",
  "t25"."rating_n" AS "rating_n",
  "t25"."rating_n" < 30 AS "rating_low",
  CASE
    WHEN "t25"."rating_n" >= 2
    THEN SQRT(
      CASE
        WHEN (
          (
            (
              CAST("t25"."rating_n" AS Nullable(Float64)) * "t25"."_rating_sq"
            ) - (
              "t25"."_rating_sum" * "t25"."_rating_sum"
            )
          ) / nullIf(
            CAST("t25"."rating_n" AS Nullable(Float64)) * (
              CAST("t25"."rating_n" AS Nullable(Float64)) - 1.0
            ),
            0.0
          )
        ) < 0.0
        THEN 0.0
        ELSE (
          (
            CAST("t25"."rating_n" AS Nullable(Float64)) * "t25"."_rating_sq"
          ) - (
            "t25"."_rating_sum" * "t25"."_rating_sum"
          )
        ) / nullIf(
          CAST("t25"."rating_n" AS Nullable(Float64)) * (
            CAST("t25"."rating_n" AS Nullable(Float64)) - 1.0
          ),
          0.0
        )
      END
    )
    ELSE CAST(NULL AS Nullable(Float64))
  END AS "rating_sd"
FROM (
  SELECT
    "t24"."group" AS "group",
    COUNT(*) AS "answers",
    SUM(CASE WHEN "t24"."metric" = 'nps' THEN 1 ELSE 0 END) AS "nps_n",
    SUM(
      CASE
        WHEN (
          "t24"."metric" = 'nps'
        ) AND (
          "t24"."score" >= 9
        )
        THEN 1
        ELSE 0
      END
    ) AS "nps_promoters",
    SUM(
      CASE
        WHEN (
          "t24"."metric" = 'nps'
        ) AND (
          "t24"."score" <= 6
        )
        THEN 1
        ELSE 0
      END
    ) AS "nps_detractors",
    SUM(CASE WHEN "t24"."metric" = 'csat' THEN 1 ELSE 0 END) AS "csat_n",
    SUM(
      CASE
        WHEN (
          "t24"."metric" = 'csat'
        ) AND (
          "t24"."score" >= 4
        )
        THEN 1
        ELSE 0
      END
    ) AS "csat_satisfied",
    SUM(CASE WHEN "t24"."metric" = 'csat' THEN "t24"."score" ELSE 0.0 END) AS "_csat_sum",
    SUM(CASE WHEN "t24"."metric" = 'ces' THEN 1 ELSE 0 END) AS "ces_n",
    SUM(
      CASE
        WHEN (
          "t24"."metric" = 'ces'
        ) AND (
          "t24"."score" <= 3
        )
        THEN 1
        ELSE 0
      END
    ) AS "ces_easy_n",
    SUM(CASE WHEN "t24"."metric" = 'ces' THEN "t24"."score" ELSE 0.0 END) AS "_ces_sum",
    SUM(CASE WHEN "t24"."metric" = 'ces' THEN "t24"."score" * "t24"."score" ELSE 0.0 END) AS "_ces_sq",
    SUM(CASE WHEN "t24"."metric" = 'rating' THEN 1 ELSE 0 END) AS "rating_n",
    SUM(
      CASE
        WHEN "t24"."metric" = 'rating'
        THEN (
          (
            (
              "t24"."score" - "t24"."scale_min"
            ) * 4.0
          ) / (
            "t24"."scale_max" - "t24"."scale_min"
          )
        ) + 1.0
        ELSE 0.0
      END
    ) AS "_rating_sum",
    SUM(
      CASE
        WHEN "t24"."metric" = 'rating'
        THEN (
          (
            (
              (
                "t24"."score" - "t24"."scale_min"
              ) * 4.0
            ) / (
              "t24"."scale_max" - "t24"."scale_min"
            )
          ) + 1.0
        ) * (
          (
            (
              (
                "t24"."score" - "t24"."scale_min"
              ) * 4.0
            ) / (
              "t24"."scale_max" - "t24"."scale_min"
            )
          ) + 1.0
        )
        ELSE 0.0
      END
    ) AS "_rating_sq"
  FROM (
    SELECT
      "t23".*
      EXCEPT ("_persona", "_who")
    FROM (
      SELECT
        "t22"."seq" AS "seq",
        "t22"."response_id" AS "response_id",
        "t22"."person" AS "person",
        "t22"."ts" AS "ts",
        "t22"."metric" AS "metric",
        "t22"."score" AS "score",
        "t22"."scale_min" AS "scale_min",
        "t22"."scale_max" AS "scale_max",
        "t22"."touchpoint" AS "touchpoint",
        "t22"."stage" AS "stage",
        "t22"."channel" AS "channel",
        "t22"."link" AS "link",
        "t22"."known_person" AS "known_person",
        "t22"."problem" AS "problem",
        "t22"."satisfaction" AS "satisfaction",
        "t22"."emotion" AS "emotion",
        "t22"."_who" AS "_who",
        "t22"."_persona" AS "_persona",
        COALESCE("t22"."_persona", '(no persona)') AS "group"
      FROM (
        SELECT
          "t21"."seq" AS "seq",
          "t21"."response_id" AS "response_id",
          "t21"."person" AS "person",
          "t21"."ts" AS "ts",
          "t21"."metric" AS "metric",
          "t21"."score" AS "score",
          "t21"."scale_min" AS "scale_min",
          "t21"."scale_max" AS "scale_max",
          "t21"."touchpoint" AS "touchpoint",
          "t21"."stage" AS "stage",
          "t21"."channel" AS "channel",
          "t21"."link" AS "link",
          "t21"."known_person" AS "known_person",
          "t21"."problem" AS "problem",
          "t21"."satisfaction" AS "satisfaction",
          "t21"."emotion" AS "emotion",
          "t5"."_who" AS "_who",
          "t5"."_persona" AS "_persona"
        FROM (
          SELECT
            "t19"."seq" AS "seq",
            "t19"."response_id" AS "response_id",
            "t19"."person" AS "person",
            "t19"."ts" AS "ts",
            "t19"."metric" AS "metric",
            "t19"."score" AS "score",
            "t19"."scale_min" AS "scale_min",
            "t19"."scale_max" AS "scale_max",
            "t19"."touchpoint" AS "touchpoint",
            "t19"."stage" AS "stage",
            "t19"."channel" AS "channel",
            "t19"."link" AS "link",
            "t19"."known_person" AS "known_person",
            "t19"."problem" AS "problem",
            CASE
              WHEN isNull("t19"."problem")
              THEN CASE
                WHEN "t19"."metric" = 'ces'
                THEN (
                  "t19"."scale_max" - "t19"."score"
                ) / nullIf("t19"."scale_max" - "t19"."scale_min", 0.0)
                ELSE (
                  "t19"."score" - "t19"."scale_min"
                ) / nullIf("t19"."scale_max" - "t19"."scale_min", 0.0)
              END
              ELSE CAST(NULL AS Nullable(Float64))
            END AS "satisfaction",
            CASE
              WHEN isNull("t19"."problem")
              THEN CASE
                WHEN "t19"."metric" = 'nps'
                THEN CASE WHEN "t19"."score" >= 9 THEN 2.0 WHEN "t19"."score" <= 6 THEN -2.0 ELSE 0.0 END
                WHEN "t19"."metric" = 'csat'
                THEN "t19"."score" - 3.0
                WHEN "t19"."metric" = 'ces'
                THEN (
                  (
                    4.0 - "t19"."score"
                  ) * 2.0
                ) / 3.0
                ELSE (
                  (
                    (
                      "t19"."score" - "t19"."scale_min"
                    ) * 4.0
                  ) / nullIf("t19"."scale_max" - "t19"."scale_min", 0.0)
                ) - 2.0
              END
              ELSE CAST(NULL AS Nullable(Float64))
            END AS "emotion"
          FROM (
            SELECT
              "t18"."seq" AS "seq",
              "t18"."response_id" AS "response_id",
              "t18"."person" AS "person",
              "t18"."ts" AS "ts",
              "t18"."metric" AS "metric",
              "t18"."score" AS "score",
              "t18"."scale_min" AS "scale_min",
              "t18"."scale_max" AS "scale_max",
              "t18"."touchpoint" AS "touchpoint",
              "t18"."stage" AS "stage",
              "t18"."channel" AS "channel",
              "t18"."link" AS "link",
              "t18"."known_person" AS "known_person",
              CASE
                WHEN isNull("t18"."metric")
                OR NOT (
                  "t18"."metric" IN ('nps', 'csat', 'ces', 'rating')
                )
                THEN 'unknown_metric'
                WHEN isNull("t18"."score")
                OR COALESCE(isNaN("t18"."score"), FALSE)
                OR (
                  isNull("t18"."scale_min")
                  OR isNull("t18"."scale_max")
                  OR (
                    "t18"."scale_min" >= "t18"."scale_max"
                  )
                )
                OR (
                  (
                    "t18"."score" < "t18"."scale_min"
                  )
                  OR (
                    "t18"."score" > "t18"."scale_max"
                  )
                )
                THEN 'out_of_scale'
                WHEN (
                  (
                    "t18"."metric" = 'nps'
                  )
                  AND (
                    (
                      "t18"."scale_min" <> 0.0
                    ) OR (
                      "t18"."scale_max" <> 10.0
                    )
                  )
                )
                OR (
                  (
                    "t18"."metric" = 'csat'
                  )
                  AND (
                    (
                      "t18"."scale_min" <> 1.0
                    ) OR (
                      "t18"."scale_max" <> 5.0
                    )
                  )
                )
                OR (
                  (
                    "t18"."metric" = 'ces'
                  )
                  AND (
                    (
                      "t18"."scale_min" <> 1.0
                    ) OR (
                      "t18"."scale_max" <> 7.0
                    )
                  )
                )
                THEN 'other_scale'
                ELSE CAST(NULL AS Nullable(String))
              END AS "problem"
            FROM (
              SELECT
                "t6"."seq" AS "seq",
                "t6"."response_id" AS "response_id",
                "t6"."person" AS "person",
                "t6"."ts" AS "ts",
                "t6"."metric" AS "metric",
                "t6"."score" AS "score",
                "t6"."scale_min" AS "scale_min",
                "t6"."scale_max" AS "scale_max",
                COALESCE("t6"."_named_tp", "t17"."_last") AS "touchpoint",
                COALESCE(
                  CASE COALESCE("t6"."_named_tp", "t17"."_last")
                    WHEN 'ad'
                    THEN 'awareness'
                    WHEN 'product'
                    THEN 'consideration'
                    WHEN 'checkout'
                    THEN 'purchase'
                    WHEN 'call'
                    THEN 'support'
                    ELSE CAST(NULL AS Nullable(String))
                  END,
                  "t6"."_named_stage"
                ) AS "stage",
                CASE COALESCE("t6"."_named_tp", "t17"."_last")
                  WHEN 'ad'
                  THEN 'ads'
                  WHEN 'product'
                  THEN 'web'
                  WHEN 'checkout'
                  THEN 'web'
                  WHEN 'call'
                  THEN 'phone'
                  ELSE CAST(NULL AS Nullable(String))
                END AS "channel",
                CASE
                  WHEN isNotNull("t6"."_named_tp")
                  AND "t6"."_named_tp" IN ('ad', 'product', 'checkout', 'call')
                  THEN 'touchpoint'
                  WHEN isNotNull("t6"."_named_tp")
                  THEN 'unknown_touchpoint'
                  WHEN isNotNull("t6"."_named_stage")
                  AND "t6"."_named_stage" IN ('awareness', 'consideration', 'purchase', 'support')
                  THEN 'stage'
                  WHEN isNotNull("t6"."_named_stage")
                  THEN 'unknown_stage'
                  WHEN isNotNull("t17"."_last")
                  THEN 'last_touch'
                  ELSE 'unlinked'
                END AS "link",
                COALESCE("t13"."_known", 0) = 1 AS "known_person"
              FROM (
                SELECT
                  "t1"."seq" AS "seq",
                  "t1"."response_id" AS "response_id",
                  "t1"."ts" AS "ts",
                  "t1"."metric" AS "metric",
                  "t1"."score" AS "score",
                  "t1"."scale_min" AS "scale_min",
                  "t1"."scale_max" AS "scale_max",
                  "t1"."person_id" AS "person",
                  "t1"."touchpoint" AS "_named_tp",
                  "t1"."stage" AS "_named_stage"
                FROM "feedback" AS "t1"
              ) AS "t6"
              LEFT OUTER JOIN (
                SELECT
                  "t15"."_a_seq" AS "_a_seq",
                  "t15"."_t_label" AS "_last"
                FROM (
                  SELECT
                    "t14"."_a_seq" AS "_a_seq",
                    "t14"."_a_person" AS "_a_person",
                    "t14"."_a_ts" AS "_a_ts",
                    "t14"."_t_person" AS "_t_person",
                    "t14"."_t_ts" AS "_t_ts",
                    "t14"."_t_seq" AS "_t_seq",
                    "t14"."_t_label" AS "_t_label",
                    ROW_NUMBER() OVER (
                      PARTITION BY "t14"."_a_seq"
                      ORDER BY "t14"."_t_ts" DESC, "t14"."_t_seq" DESC
                      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                    ) - 1 AS "_rank"
                  FROM (
                    SELECT
                      "t10"."_a_seq" AS "_a_seq",
                      "t10"."_a_person" AS "_a_person",
                      "t10"."_a_ts" AS "_a_ts",
                      "t11"."_t_person" AS "_t_person",
                      "t11"."_t_ts" AS "_t_ts",
                      "t11"."_t_seq" AS "_t_seq",
                      "t11"."_t_label" AS "_t_label"
                    FROM (
                      SELECT
                        "t1"."seq" AS "_a_seq",
                        "t1"."person_id" AS "_a_person",
                        "t1"."ts" AS "_a_ts"
                      FROM "feedback" AS "t1"
                      WHERE
                        isNull("t1"."touchpoint") AND isNull("t1"."stage") AND isNotNull("t1"."person_id")
                    ) AS "t10"
                    INNER JOIN (
                      SELECT
                        "t2"."person" AS "_t_person",
                        "t2"."ts" AS "_t_ts",
                        "t2"."seq" AS "_t_seq",
                        "t2"."label" AS "_t_label"
                      FROM "journey_events" AS "t2"
                      WHERE
                        isNotNull("t2"."label") AND isNotNull("t2"."person")
                    ) AS "t11"
                      ON "t10"."_a_person" = "t11"."_t_person" AND "t11"."_t_ts" <= "t10"."_a_ts"
                  ) AS "t14"
                ) AS "t15"
                WHERE
                  "t15"."_rank" = 0
              ) AS "t17"
                ON "t6"."seq" = "t17"."_a_seq"
              LEFT OUTER JOIN (
                SELECT
                  "t8"."_k_person" AS "_k_person",
                  1 AS "_known"
                FROM (
                  SELECT DISTINCT
                    "t2"."person" AS "_k_person"
                  FROM "journey_events" AS "t2"
                  WHERE
                    isNotNull("t2"."person")
                ) AS "t8"
              ) AS "t13"
                ON "t6"."person" = "t13"."_k_person"
            ) AS "t18"
          ) AS "t19"
          WHERE
            isNull("t19"."problem")
        ) AS "t21"
        LEFT OUTER JOIN (
          SELECT
            "t0"."person_id" AS "_who",
            "t0"."persona" AS "_persona"
          FROM "personas" AS "t0"
        ) AS "t5"
          ON "t21"."person" = "t5"."_who"
      ) AS "t22"
    ) AS "t23"
  ) AS "t24"
  GROUP BY
    "t24"."group"
) AS "t25"
