WITH `t10` AS (
  SELECT
    `t2`.`seq`,
    `t2`.`response_id`,
    `t2`.`person`,
    `t2`.`ts`,
    `t2`.`metric`,
    `t2`.`score`,
    `t2`.`scale_min`,
    `t2`.`scale_max`,
    `t2`.`touchpoint`,
    `t2`.`stage`,
    `t2`.`channel`,
    `t2`.`link`,
    `t2`.`known_person`,
    `t2`.`problem`,
    `t2`.`satisfaction`,
    `t2`.`emotion`,
    ROW_NUMBER() OVER (PARTITION BY `t2`.`person` ORDER BY `t2`.`ts` DESC, `t2`.`seq` DESC) - 1 AS `_rank`
  FROM (
    SELECT
      *
    FROM `answers` AS `t0`
    WHERE
      `t0`.`problem` IS NULL AND `t0`.`person` IS NOT NULL AND `t0`.`metric` = 'nps'
  ) AS `t2`
), `t26` AS (
  SELECT
    `t25`.`place`,
    `t25`.`person`,
    AVG(`t25`.`satisfaction`) AS `_x`,
    MAX(`t25`.`_y`) AS `_y`
  FROM (
    SELECT
      `t24`.`seq`,
      `t24`.`response_id`,
      `t24`.`person`,
      `t24`.`ts`,
      `t24`.`metric`,
      `t24`.`score`,
      `t24`.`scale_min`,
      `t24`.`scale_max`,
      `t24`.`touchpoint`,
      `t24`.`stage`,
      `t24`.`channel`,
      `t24`.`link`,
      `t24`.`known_person`,
      `t24`.`problem`,
      `t24`.`satisfaction`,
      `t24`.`emotion`,
      `t24`.`place`,
      `t24`.`_o_person`,
      `t24`.`nps`,
      `t24`.`nps_ts`,
      `t24`.`first_buy`,
      `t24`.`last_buy`,
      `t24`.`converted_at`,
      `t24`.`nps` AS `_y`
    FROM (
      SELECT
        `t7`.`seq`,
        `t7`.`response_id`,
        `t7`.`person`,
        `t7`.`ts`,
        `t7`.`metric`,
        `t7`.`score`,
        `t7`.`scale_min`,
        `t7`.`scale_max`,
        `t7`.`touchpoint`,
        `t7`.`stage`,
        `t7`.`channel`,
        `t7`.`link`,
        `t7`.`known_person`,
        `t7`.`problem`,
        `t7`.`satisfaction`,
        `t7`.`emotion`,
        `t7`.`place`,
        `t23`.`_o_person`,
        `t23`.`nps`,
        `t23`.`nps_ts`,
        `t23`.`first_buy`,
        `t23`.`last_buy`,
        `t23`.`converted_at`
      FROM (
        SELECT
          `t0`.`seq`,
          `t0`.`response_id`,
          `t0`.`person`,
          `t0`.`ts`,
          `t0`.`metric`,
          `t0`.`score`,
          `t0`.`scale_min`,
          `t0`.`scale_max`,
          `t0`.`touchpoint`,
          `t0`.`stage`,
          `t0`.`channel`,
          `t0`.`link`,
          `t0`.`known_person`,
          `t0`.`problem`,
          `t0`.`satisfaction`,
          `t0`.`emotion`,
          COALESCE(`t0`.`touchpoint`, `t0`.`stage`) AS `place`
        FROM `answers` AS `t0`
        WHERE
          `t0`.`problem` IS NULL
          AND `t0`.`metric` <> 'nps'
          AND COALESCE(`t0`.`touchpoint`, `t0`.`stage`) IS NOT NULL
          AND `t0`.`person` IS NOT NULL
      ) AS `t7`
      INNER JOIN (
        SELECT
          `t21`.`person` AS `_o_person`,
          `t21`.`nps`,
          `t21`.`nps_ts`,
          `t21`.`first_buy`,
          `t21`.`last_buy`,
          `t21`.`converted_at`
        FROM (
          SELECT
            `t20`.`person`,
            `t17`.`nps`,
            `t17`.`nps_ts`,
            `t14`.`first_buy`,
            `t14`.`last_buy`,
            `t14`.`converted_at`
          FROM (
            SELECT DISTINCT
              *
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  `t1`.`person`
                FROM `journey_events` AS `t1`
                WHERE
                  `t1`.`person` IS NOT NULL AND `t1`.`label` IS NOT NULL
              ) AS `t3`
              UNION ALL
              SELECT
                *
              FROM (
                SELECT
                  `t12`.`person`
                FROM `t10` AS `t12`
                WHERE
                  `t12`.`_rank` = 0
              ) AS `t16`
            ) AS `t18`
          ) AS `t20`
          LEFT OUTER JOIN (
            SELECT
              `t11`.`person` AS `_b_person`,
              `t11`.`first_buy`,
              `t11`.`last_buy`,
              `t11`.`converted_at`
            FROM (
              SELECT
                `t4`.`person`,
                MIN(CASE WHEN `t4`.`label` IN ('checkout', 'till') THEN `t4`.`ts` ELSE NULL END) AS `first_buy`,
                MAX(CASE WHEN `t4`.`label` IN ('checkout', 'till') THEN `t4`.`ts` ELSE NULL END) AS `last_buy`,
                MIN(CASE WHEN `t4`.`label` IN ('checkout') THEN `t4`.`ts` ELSE NULL END) AS `converted_at`
              FROM (
                SELECT
                  *
                FROM `journey_events` AS `t1`
                WHERE
                  `t1`.`person` IS NOT NULL AND `t1`.`label` IS NOT NULL
              ) AS `t4`
              GROUP BY
                1
            ) AS `t11`
          ) AS `t14`
            ON `t20`.`person` = `t14`.`_b_person`
          LEFT OUTER JOIN (
            SELECT
              `t12`.`person` AS `_n_person`,
              `t12`.`score` AS `nps`,
              `t12`.`ts` AS `nps_ts`
            FROM `t10` AS `t12`
            WHERE
              `t12`.`_rank` = 0
          ) AS `t17`
            ON `t20`.`person` = `t17`.`_n_person`
        ) AS `t21`
      ) AS `t23`
        ON `t7`.`person` = `t23`.`_o_person`
    ) AS `t24`
    WHERE
      (
        `t24`.`nps` IS NOT NULL AND NOT ISNAN(`t24`.`nps`)
      )
      AND COALESCE(`t24`.`ts` <= `t24`.`nps_ts`, FALSE)
  ) AS `t25`
  GROUP BY
    1,
    2
), `t29` AS (
  SELECT
    `t27`.`place`,
    COUNT(*) AS `people`,
    AVG(`t27`.`_x`) AS `mean_x`,
    AVG(`t27`.`_y`) AS `mean_y`,
    (
      MIN(`t27`.`_x`) < MAX(`t27`.`_x`)
    )
    AND (
      MIN(`t27`.`_y`) < MAX(`t27`.`_y`)
    ) AS `_varies`
  FROM `t26` AS `t27`
  GROUP BY
    1
)
SELECT
  `t9`.`place`,
  `t9`.`answers`,
  `t9`.`performance`,
  COALESCE(`t40`.`people`, 0) AS `people`,
  `t40`.`correlation`
FROM (
  SELECT
    `t5`.`place`,
    COUNT(*) AS `answers`,
    AVG(`t5`.`satisfaction`) AS `performance`
  FROM (
    SELECT
      `t0`.`seq`,
      `t0`.`response_id`,
      `t0`.`person`,
      `t0`.`ts`,
      `t0`.`metric`,
      `t0`.`score`,
      `t0`.`scale_min`,
      `t0`.`scale_max`,
      `t0`.`touchpoint`,
      `t0`.`stage`,
      `t0`.`channel`,
      `t0`.`link`,
      `t0`.`known_person`,
      `t0`.`problem`,
      `t0`.`satisfaction`,
      `t0`.`emotion`,
      COALESCE(`t0`.`touchpoint`, `t0`.`stage`) AS `place`
    FROM `answers` AS `t0`
    WHERE
      `t0`.`problem` IS NULL
      AND `t0`.`metric` <> 'nps'
      AND COALESCE(`t0`.`touchpoint`, `t0`.`stage`) IS NOT NULL
  ) AS `t5`
  GROUP BY
    1
) AS `t9`
LEFT OUTER JOIN (
  SELECT
    `t38`.`place` AS `_c_place`,
    `t38`.`people`,
    `t38`.`correlation`
  FROM (
    SELECT
      `t31`.`place`,
      `t31`.`people`,
      `t31`.`mean_x`,
      `t31`.`mean_y`,
      IF(
        (
          `t31`.`people` >= 2
        ) AND `t31`.`_varies`,
        IF(
          (
            `t37`.`_sxy` / NULLIF(SQRT(`t37`.`_sxx` * `t37`.`_syy`), 0.0)
          ) > 1.0,
          1.0,
          IF(
            (
              `t37`.`_sxy` / NULLIF(SQRT(`t37`.`_sxx` * `t37`.`_syy`), 0.0)
            ) < -1.0,
            -1.0,
            `t37`.`_sxy` / NULLIF(SQRT(`t37`.`_sxx` * `t37`.`_syy`), 0.0)
          )
        ),
        CAST(NULL AS DOUBLE)
      ) AS `correlation`
    FROM `t29` AS `t31`
    INNER JOIN (
      SELECT
        `t35`.`place` AS `_s_by`,
        `t35`.`_sxy`,
        `t35`.`_sxx`,
        `t35`.`_syy`
      FROM (
        SELECT
          `t34`.`place`,
          SUM((
            `t34`.`_x` - `t34`.`_mx`
          ) * (
            `t34`.`_y` - `t34`.`_my`
          )) AS `_sxy`,
          SUM((
            `t34`.`_x` - `t34`.`_mx`
          ) * (
            `t34`.`_x` - `t34`.`_mx`
          )) AS `_sxx`,
          SUM((
            `t34`.`_y` - `t34`.`_my`
          ) * (
            `t34`.`_y` - `t34`.`_my`
          )) AS `_syy`
        FROM (
          SELECT
            `t28`.`place`,
            `t28`.`person`,
            `t28`.`_x`,
            `t28`.`_y`,
            `t33`.`_m_by`,
            `t33`.`_mx`,
            `t33`.`_my`
          FROM `t26` AS `t28`
          INNER JOIN (
            SELECT
              `t30`.`place` AS `_m_by`,
              `t30`.`mean_x` AS `_mx`,
              `t30`.`mean_y` AS `_my`
            FROM `t29` AS `t30`
          ) AS `t33`
            ON `t28`.`place` = `t33`.`_m_by`
        ) AS `t34`
        GROUP BY
          1
      ) AS `t35`
    ) AS `t37`
      ON `t31`.`place` = `t37`.`_s_by`
  ) AS `t38`
) AS `t40`
  ON `t9`.`place` = `t40`.`_c_place`
