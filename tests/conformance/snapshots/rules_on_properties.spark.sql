SELECT
  `t0`.`seq`,
  COALESCE(
    IF(
      GET_JSON_OBJECT(CONCAT('[', `t0`.`properties`, ']'), '$[1]') IS NULL,
      ELEMENT_AT(
        TRANSFORM(
          ARRAY(GET_JSON_OBJECT(CONCAT('[', `t0`.`properties`, ']'), '$[*].store')),
          q -> CASE
            WHEN SUBSTRING(q, 1, 1) = '"'
            THEN GET_JSON_OBJECT(`t0`.`properties`, '$.store')
            WHEN q IN ('true', 'false')
            THEN q
            WHEN q RLIKE '^-?[0-9]' AND q RLIKE '[.E]'
            THEN ELEMENT_AT(
              TRANSFORM(
                ARRAY(q),
                v -> CASE
                  WHEN NOT v LIKE '%E%'
                  THEN v
                  ELSE ELEMENT_AT(
                    TRANSFORM(
                      ARRAY(
                        STRUCT(
                          REGEXP_EXTRACT(v, '^(-?)([0-9])[.]([0-9]+)E(-?[0-9]+)$') AS s,
                          REGEXP_REPLACE(REGEXP_REPLACE(v, '^-?([0-9])[.]([0-9]+)E.*$', '$1$2'), '0+$', '') AS d,
                          CAST(REGEXP_EXTRACT(v, '^(-?)([0-9])[.]([0-9]+)E(-?[0-9]+)$', 4) AS INT) AS n
                        )
                      ),
                      p -> CASE
                        WHEN p.n >= 21 OR p.n <= -7
                        THEN CONCAT(
                          p.s,
                          SUBSTRING(p.d, 1, 1),
                          IF(LENGTH(p.d) > 1, CONCAT('.', SUBSTRING(p.d, 2)), ''),
                          'e',
                          CAST(p.n AS STRING)
                        )
                        WHEN p.n >= 0 AND LENGTH(p.d) <= p.n + 1
                        THEN CONCAT(p.s, p.d, REPEAT('0', p.n + 1 - LENGTH(p.d)), '.0')
                        WHEN p.n >= 0
                        THEN CONCAT(p.s, SUBSTRING(p.d, 1, p.n + 1), '.', SUBSTRING(p.d, p.n + 2))
                        ELSE CONCAT(p.s, '0.', REPEAT('0', -p.n - 1), p.d)
                      END
                    ),
                    1
                  )
                END
              ),
              1
            )
            WHEN q RLIKE '^-?[0-9]'
            THEN q
          END
        ),
        1
      ),
      NULL
    ) = 'centro',
    FALSE
  ) AS `r0`,
  COALESCE(
    CASE
      WHEN IF(
        GET_JSON_OBJECT(CONCAT('[', `t0`.`properties`, ']'), '$[1]') IS NULL,
        ELEMENT_AT(
          TRANSFORM(
            ARRAY(GET_JSON_OBJECT(CONCAT('[', `t0`.`properties`, ']'), '$[*].more.floor')),
            q -> CASE
              WHEN SUBSTRING(q, 1, 1) = '"'
              THEN GET_JSON_OBJECT(`t0`.`properties`, '$.more.floor')
              WHEN q IN ('true', 'false')
              THEN q
              WHEN q RLIKE '^-?[0-9]' AND q RLIKE '[.E]'
              THEN ELEMENT_AT(
                TRANSFORM(
                  ARRAY(q),
                  v -> CASE
                    WHEN NOT v LIKE '%E%'
                    THEN v
                    ELSE ELEMENT_AT(
                      TRANSFORM(
                        ARRAY(
                          STRUCT(
                            REGEXP_EXTRACT(v, '^(-?)([0-9])[.]([0-9]+)E(-?[0-9]+)$') AS s,
                            REGEXP_REPLACE(REGEXP_REPLACE(v, '^-?([0-9])[.]([0-9]+)E.*$', '$1$2'), '0+$', '') AS d,
                            CAST(REGEXP_EXTRACT(v, '^(-?)([0-9])[.]([0-9]+)E(-?[0-9]+)$', 4) AS INT) AS n
                          )
                        ),
                        p -> CASE
                          WHEN p.n >= 21 OR p.n <= -7
                          THEN CONCAT(
                            p.s,
                            SUBSTRING(p.d, 1, 1),
                            IF(LENGTH(p.d) > 1, CONCAT('.', SUBSTRING(p.d, 2)), ''),
                            'e',
                            CAST(p.n AS STRING)
                          )
                          WHEN p.n >= 0 AND LENGTH(p.d) <= p.n + 1
                          THEN CONCAT(p.s, p.d, REPEAT('0', p.n + 1 - LENGTH(p.d)), '.0')
                          WHEN p.n >= 0
                          THEN CONCAT(p.s, SUBSTRING(p.d, 1, p.n + 1), '.', SUBSTRING(p.d, p.n + 2))
                          ELSE CONCAT(p.s, '0.', REPEAT('0', -p.n - 1), p.d)
                        END
                      ),
                      1
                    )
                  END
                ),
                1
              )
              WHEN q RLIKE '^-?[0-9]'
              THEN q
            END
          ),
          1
        ),
        NULL
      ) RLIKE '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?\\z'
      THEN TRY_CAST(IF(
        GET_JSON_OBJECT(CONCAT('[', `t0`.`properties`, ']'), '$[1]') IS NULL,
        ELEMENT_AT(
          TRANSFORM(
            ARRAY(GET_JSON_OBJECT(CONCAT('[', `t0`.`properties`, ']'), '$[*].more.floor')),
            q -> CASE
              WHEN SUBSTRING(q, 1, 1) = '"'
              THEN GET_JSON_OBJECT(`t0`.`properties`, '$.more.floor')
              WHEN q IN ('true', 'false')
              THEN q
              WHEN q RLIKE '^-?[0-9]' AND q RLIKE '[.E]'
              THEN ELEMENT_AT(
                TRANSFORM(
                  ARRAY(q),
                  v -> CASE
                    WHEN NOT v LIKE '%E%'
                    THEN v
                    ELSE ELEMENT_AT(
                      TRANSFORM(
                        ARRAY(
                          STRUCT(
                            REGEXP_EXTRACT(v, '^(-?)([0-9])[.]([0-9]+)E(-?[0-9]+)$') AS s,
                            REGEXP_REPLACE(REGEXP_REPLACE(v, '^-?([0-9])[.]([0-9]+)E.*$', '$1$2'), '0+$', '') AS d,
                            CAST(REGEXP_EXTRACT(v, '^(-?)([0-9])[.]([0-9]+)E(-?[0-9]+)$', 4) AS INT) AS n
                          )
                        ),
                        p -> CASE
                          WHEN p.n >= 21 OR p.n <= -7
                          THEN CONCAT(
                            p.s,
                            SUBSTRING(p.d, 1, 1),
                            IF(LENGTH(p.d) > 1, CONCAT('.', SUBSTRING(p.d, 2)), ''),
                            'e',
                            CAST(p.n AS STRING)
                          )
                          WHEN p.n >= 0 AND LENGTH(p.d) <= p.n + 1
                          THEN CONCAT(p.s, p.d, REPEAT('0', p.n + 1 - LENGTH(p.d)), '.0')
                          WHEN p.n >= 0
                          THEN CONCAT(p.s, SUBSTRING(p.d, 1, p.n + 1), '.', SUBSTRING(p.d, p.n + 2))
                          ELSE CONCAT(p.s, '0.', REPEAT('0', -p.n - 1), p.d)
                        END
                      ),
                      1
                    )
                  END
                ),
                1
              )
              WHEN q RLIKE '^-?[0-9]'
              THEN q
            END
          ),
          1
        ),
        NULL
      ) AS DOUBLE)
      ELSE NULL
    END >= 2.0,
    FALSE
  ) AS `r1`
FROM `journey_events` AS `t0`
